createTestData();
