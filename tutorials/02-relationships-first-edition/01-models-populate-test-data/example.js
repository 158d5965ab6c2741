populateTestData();
