#include "peewasm/errors.hpp"

#include <doctest/doctest.h>

using peewasm::ErrorKind;

TEST_SUITE("errors") {
  TEST_CASE("to_string names each kind as Peewee's exception class") {
    CHECK(peewasm::to_string(ErrorKind::ImproperlyConfigured) == "ImproperlyConfigured");
    CHECK(peewasm::to_string(ErrorKind::DoesNotExist) == "DoesNotExist");
    CHECK(peewasm::to_string(ErrorKind::IntegrityError) == "IntegrityError");
    CHECK(peewasm::to_string(ErrorKind::OperationalError) == "OperationalError");
    CHECK(peewasm::to_string(ErrorKind::ProgrammingError) == "ProgrammingError");
    CHECK(peewasm::to_string(ErrorKind::DataError) == "DataError");
    CHECK(peewasm::to_string(ErrorKind::NotSupportedError) == "NotSupportedError");
    CHECK(peewasm::to_string(ErrorKind::InterfaceError) == "InterfaceError");
  }

  TEST_CASE("throw_error throws the class of its kind with message and code") {
    SUBCASE("database errors keep the SQLite code") {
      try {
        peewasm::throw_error(ErrorKind::IntegrityError, "UNIQUE constraint failed: user.id", 2067);
        FAIL("throw_error returned");
      } catch (const peewasm::IntegrityError& error) {
        CHECK(error.kind() == ErrorKind::IntegrityError);
        CHECK(error.sqlite_code() == 2067);
        CHECK(std::string(error.what()) == "UNIQUE constraint failed: user.id");
      }
    }
    SUBCASE("every kind arrives as its own class") {
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::ImproperlyConfigured, "m"),
                      peewasm::ImproperlyConfigured);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::DoesNotExist, "m"), peewasm::DoesNotExist);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::OperationalError, "m"),
                      peewasm::OperationalError);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::ProgrammingError, "m"),
                      peewasm::ProgrammingError);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::DataError, "m"), peewasm::DataError);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::NotSupportedError, "m"),
                      peewasm::NotSupportedError);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::InterfaceError, "m"),
                      peewasm::InterfaceError);
    }
    SUBCASE("database errors share the DatabaseError base") {
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::IntegrityError, "m"), peewasm::DatabaseError);
      CHECK_THROWS_AS(peewasm::throw_error(ErrorKind::DoesNotExist, "m"), peewasm::Error);
    }
  }
}
