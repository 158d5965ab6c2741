#pragma once
// The whole public API: #include <peewasm/peewasm.hpp>.

#include "peewasm/db/database.hpp"
#include "peewasm/errors.hpp"
#include "peewasm/query/cte.hpp"
#include "peewasm/query/select.hpp"
#include "peewasm/query/write_queries.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/fields.hpp"
#include "peewasm/schema/instance.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model.hpp"
#include "peewasm/schema/registry.hpp"
#include "peewasm/schema/schema_manager.hpp"
#include "peewasm/sql/context.hpp"
#include "peewasm/sql/expression.hpp"
#include "peewasm/sql/function.hpp"
#include "peewasm/value.hpp"
