#pragma once
// The error hierarchy mirrors Peewee's, under one base with a kind tag so that the wasm
// boundary can send errors across as data.

#include <stdexcept>
#include <string>
#include <string_view>

namespace peewasm {

enum class ErrorKind {
  ImproperlyConfigured,
  DoesNotExist,
  IntegrityError,
  OperationalError,
  ProgrammingError,
  DataError,
  NotSupportedError,
  InterfaceError,
};

std::string_view to_string(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), kind_(kind), sqlite_code_(sqlite_code) {}

  ErrorKind kind() const noexcept { return kind_; }
  // SQLite's extended result code when SQLite reported the failure, else 0.
  int sqlite_code() const noexcept { return sqlite_code_; }

 private:
  ErrorKind kind_;
  int sqlite_code_;
};

// The model or query is set up wrongly (unknown field, a join with no foreign key...).
class ImproperlyConfigured : public Error {
 public:
  explicit ImproperlyConfigured(const std::string& message)
      : Error(ErrorKind::ImproperlyConfigured, message) {}
};

// get() found no row. Peewee raises <Model>DoesNotExist; the message names the model.
class DoesNotExist : public Error {
 public:
  explicit DoesNotExist(const std::string& message) : Error(ErrorKind::DoesNotExist, message) {}
};

class DatabaseError : public Error {
 protected:
  using Error::Error;
};

#define PEEWASM_DATABASE_ERROR(Name)                                         \
  class Name : public DatabaseError {                                        \
   public:                                                                   \
    explicit Name(const std::string& message, int sqlite_code = 0)           \
        : DatabaseError(ErrorKind::Name, message, sqlite_code) {}            \
  };

PEEWASM_DATABASE_ERROR(IntegrityError)
PEEWASM_DATABASE_ERROR(OperationalError)
PEEWASM_DATABASE_ERROR(ProgrammingError)
PEEWASM_DATABASE_ERROR(DataError)
PEEWASM_DATABASE_ERROR(NotSupportedError)

#undef PEEWASM_DATABASE_ERROR

// Misuse of the connection itself (closed database, wrong parameter count). As in Peewee and
// DB-API it is not a DatabaseError.
class InterfaceError : public Error {
 public:
  explicit InterfaceError(const std::string& message, int sqlite_code = 0)
      : Error(ErrorKind::InterfaceError, message, sqlite_code) {}
};

// Throws the typed error for a kind (used where errors arrive as data).
[[noreturn]] void throw_error(ErrorKind kind, const std::string& message, int sqlite_code = 0);

}  // namespace peewasm
