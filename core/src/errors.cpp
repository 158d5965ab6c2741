#include "peewasm/errors.hpp"

namespace peewasm {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ImproperlyConfigured: return "ImproperlyConfigured";
    case ErrorKind::DoesNotExist: return "DoesNotExist";
    case ErrorKind::IntegrityError: return "IntegrityError";
    case ErrorKind::OperationalError: return "OperationalError";
    case ErrorKind::ProgrammingError: return "ProgrammingError";
    case ErrorKind::DataError: return "DataError";
    case ErrorKind::NotSupportedError: return "NotSupportedError";
    case ErrorKind::InterfaceError: return "InterfaceError";
  }
  return "Error";
}

void throw_error(ErrorKind kind, const std::string& message, int sqlite_code) {
  switch (kind) {
    case ErrorKind::ImproperlyConfigured: throw ImproperlyConfigured(message);
    case ErrorKind::DoesNotExist: throw DoesNotExist(message);
    case ErrorKind::IntegrityError: throw IntegrityError(message, sqlite_code);
    case ErrorKind::OperationalError: throw OperationalError(message, sqlite_code);
    case ErrorKind::ProgrammingError: throw ProgrammingError(message, sqlite_code);
    case ErrorKind::DataError: throw DataError(message, sqlite_code);
    case ErrorKind::NotSupportedError: throw NotSupportedError(message, sqlite_code);
    case ErrorKind::InterfaceError: throw InterfaceError(message, sqlite_code);
  }
  throw Error(kind, message, sqlite_code);
}

}  // namespace peewasm
