show();
alice.deleteInstance();
show();
