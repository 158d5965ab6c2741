createTables();
