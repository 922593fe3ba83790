#include "parser/type_name.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "base/identifier.h"
#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/node_util.h"

namespace pgdrift::parser {
namespace {

// How a built-in type takes its modifier (the types that have a typmodin function in
// pg_type, plus SQL's FLOAT(p) and CHARACTER spellings).
enum class Modifier {
  kNone,
  kVarchar,
  kBpchar,     // bpchar: no modifier prints as `bpchar` (format_type, typemod -1)
  kCharacter,  // SQL CHARACTER: no modifier means character(1)
  kNumeric,
  kBit,
  kVarbit,
  kTime,
  kTimetz,
  kTimestamp,
  kTimestamptz,
  kInterval,
  kFloat,  // SQL FLOAT(p)
};

struct BuiltinType {
  std::string_view spelling;  // format_type's spelling without modifier
  Modifier modifier = Modifier::kNone;
  // Whether the name is only an SQL spelling the grammar maps to a pg_type name (so a
  // TypeName node never holds it: "integer" written in quotes is not a type).
  bool sql_spelling = false;
};

// The special cases of format_type_extended (src/backend/utils/adt/format_type.c) and
// the SQL spellings gram.y maps to them (SimpleTypename: Numeric, Bit, Character,
// ConstDatetime, ConstInterval).
const std::map<std::string_view, BuiltinType>& SpecialTypes() {
  static const auto* types = new std::map<std::string_view, BuiltinType>{
      {"int2", {"smallint"}},
      {"smallint", {"smallint", Modifier::kNone, true}},
      {"int4", {"integer"}},
      {"integer", {"integer", Modifier::kNone, true}},
      {"int", {"integer", Modifier::kNone, true}},
      {"int8", {"bigint"}},
      {"bigint", {"bigint", Modifier::kNone, true}},
      {"float4", {"real"}},
      {"real", {"real", Modifier::kNone, true}},
      {"float8", {"double precision"}},
      {"double precision", {"double precision", Modifier::kNone, true}},
      {"float", {"double precision", Modifier::kFloat, true}},
      {"bool", {"boolean"}},
      {"boolean", {"boolean", Modifier::kNone, true}},
      {"numeric", {"numeric", Modifier::kNumeric}},
      {"decimal", {"numeric", Modifier::kNumeric, true}},
      {"dec", {"numeric", Modifier::kNumeric, true}},
      {"varchar", {"character varying", Modifier::kVarchar}},
      {"character varying", {"character varying", Modifier::kVarchar, true}},
      {"bpchar", {"bpchar", Modifier::kBpchar}},
      {"character", {"character", Modifier::kCharacter, true}},
      {"char", {"\"char\""}},
      {"bit", {"bit", Modifier::kBit}},
      {"varbit", {"bit varying", Modifier::kVarbit}},
      {"bit varying", {"bit varying", Modifier::kVarbit, true}},
      {"time", {"time", Modifier::kTime}},
      {"time without time zone", {"time", Modifier::kTime, true}},
      {"timetz", {"time", Modifier::kTimetz}},
      {"time with time zone", {"time", Modifier::kTimetz, true}},
      {"timestamp", {"timestamp", Modifier::kTimestamp}},
      {"timestamp without time zone", {"timestamp", Modifier::kTimestamp, true}},
      {"timestamptz", {"timestamp", Modifier::kTimestamptz}},
      {"timestamp with time zone", {"timestamp", Modifier::kTimestamptz, true}},
      {"interval", {"interval", Modifier::kInterval}},
  };
  return *types;
}

// The other types of PostgreSQL 15's pg_catalog (pg_type.dat without the array types,
// which are written `x[]`), printed by format_type as their name, quoted if needed.
// clang-format off
constexpr std::string_view kPlainTypes[] = {
    "aclitem", "any", "anyarray", "anycompatible", "anycompatiblearray", "anycompatiblemultirange",
    "anycompatiblenonarray", "anycompatiblerange", "anyelement", "anyenum", "anymultirange",
    "anynonarray", "anyrange", "box", "bytea", "cid", "cidr", "circle", "cstring", "date",
    "datemultirange", "daterange", "event_trigger", "fdw_handler", "gtsvector", "index_am_handler",
    "inet", "int2vector", "int4multirange", "int4range", "int8multirange", "int8range", "internal",
    "json", "jsonb", "jsonpath", "language_handler", "line", "lseg", "macaddr", "macaddr8",
    "money", "name", "nummultirange", "numrange", "oid", "oidvector", "path", "pg_attribute",
    "pg_brin_bloom_summary", "pg_brin_minmax_multi_summary", "pg_class", "pg_ddl_command",
    "pg_dependencies", "pg_lsn", "pg_mcv_list", "pg_ndistinct", "pg_node_tree", "pg_proc",
    "pg_snapshot", "pg_type", "point", "polygon", "record", "refcursor", "regclass",
    "regcollation", "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator",
    "regproc", "regprocedure", "regrole", "regtype", "table_am_handler", "text", "tid", "trigger",
    "tsm_handler", "tsmultirange", "tsquery", "tsrange", "tstzmultirange", "tstzrange", "tsvector",
    "txid_snapshot", "unknown", "uuid", "void", "xid", "xid8", "xml"};
// clang-format on

bool IsPlainType(std::string_view name) {
  for (std::string_view plain : kPlainTypes) {
    if (plain == name) return true;
  }
  return false;
}

// information_schema's domains (information_schema.sql), which chains sometimes use.
bool IsInformationSchemaType(std::string_view name) {
  return name == "cardinal_number" || name == "character_data" || name == "sql_identifier" ||
         name == "time_stamp" || name == "yes_or_no";
}

// Interval field masks: INTERVAL_MASK(b) = 1 << b with the field numbers of
// src/include/utils/datetime.h (MONTH 1, YEAR 2, DAY 3, HOUR 10, MINUTE 11, SECOND 12).
constexpr int kMonth = 1 << 1;
constexpr int kYear = 1 << 2;
constexpr int kDay = 1 << 3;
constexpr int kHour = 1 << 10;
constexpr int kMinute = 1 << 11;
constexpr int kSecond = 1 << 12;
constexpr int kFullRange = 0x7FFF;  // INTERVAL_FULL_RANGE

// The field text intervaltypmodout (timestamp.c) prints for a range mask, if valid.
std::optional<std::string_view> IntervalFields(int64_t range) {
  switch (range) {
    case kYear:
      return " year";
    case kMonth:
      return " month";
    case kDay:
      return " day";
    case kHour:
      return " hour";
    case kMinute:
      return " minute";
    case kSecond:
      return " second";
    case kYear | kMonth:
      return " year to month";
    case kDay | kHour:
      return " day to hour";
    case kDay | kHour | kMinute:
      return " day to minute";
    case kDay | kHour | kMinute | kSecond:
      return " day to second";
    case kHour | kMinute:
      return " hour to minute";
    case kHour | kMinute | kSecond:
      return " hour to second";
    case kMinute | kSecond:
      return " minute to second";
    case kFullRange:
      return "";
    default:
      return std::nullopt;
  }
}

constexpr int64_t kMaxVarcharLength = 10485760;  // MaxAttrSize (anychar_typmodin)
constexpr int64_t kMaxBitLength = 10485760 * 8;  // MaxAttrSize * BITS_PER_BYTE
constexpr int64_t kMaxNumericPrecision = 1000;   // NUMERIC_MAX_PRECISION
constexpr int64_t kMaxNumericScale = 1000;       // NUMERIC_MAX_SCALE (PostgreSQL 15)
constexpr int64_t kMaxDatetimePrecision = 6;     // MAX_TIMESTAMP_PRECISION et al.

absl::Status Invalid(std::string message) { return absl::InvalidArgumentError(message); }

// The precision of time/timestamp after anytime_typmod_check / anytimestamp_typmod_check:
// negative is an error, above 6 is reduced to 6 (PostgreSQL warns).
absl::StatusOr<int64_t> DatetimePrecision(std::string_view what, bool with_zone, int64_t p) {
  if (p < 0) {
    return Invalid(StrCat(what, "(", p, ")", with_zone ? " WITH TIME ZONE" : "",
                          " precision must not be negative"));
  }
  return p > kMaxDatetimePrecision ? kMaxDatetimePrecision : p;
}

// A length modifier as anychar_typmodin / anybit_typmodin check it.
absl::StatusOr<int64_t> LengthModifier(std::string_view type, const std::vector<int64_t>& mods,
                                       int64_t max) {
  if (mods.size() != 1) return Invalid("invalid type modifier");
  if (mods[0] < 1) return Invalid(StrCat("length for type ", type, " must be at least 1"));
  if (mods[0] > max) {
    return Invalid(StrCat("length for type ", type, " cannot exceed ", max));
  }
  return mods[0];
}

// format_type's spelling of `type` with modifiers `mods`.
absl::StatusOr<std::string> FormatBuiltin(std::string_view written, const BuiltinType& type,
                                          const std::vector<int64_t>& mods) {
  const std::string base(type.spelling);
  switch (type.modifier) {
    case Modifier::kNone:
      if (!mods.empty()) {
        return Invalid(StrCat("type modifier is not allowed for type \"", written, "\""));
      }
      return base;
    case Modifier::kVarchar: {
      if (mods.empty()) return base;
      PGDRIFT_ASSIGN_OR_RETURN(int64_t n, LengthModifier("varchar", mods, kMaxVarcharLength));
      return StrCat(base, "(", n, ")");
    }
    case Modifier::kBpchar:
    case Modifier::kCharacter: {
      if (mods.empty()) {
        return type.modifier == Modifier::kBpchar ? std::string("bpchar")
                                                  : std::string("character(1)");
      }
      PGDRIFT_ASSIGN_OR_RETURN(int64_t n, LengthModifier("char", mods, kMaxVarcharLength));
      return StrCat("character(", n, ")");
    }
    case Modifier::kBit: {
      // Only a quoted "bit" reaches here without a length (gram.y gives BIT a length of
      // 1); format_type prints that typemod -1 type quoted.
      if (mods.empty()) return std::string("\"bit\"");
      PGDRIFT_ASSIGN_OR_RETURN(int64_t n, LengthModifier("bit", mods, kMaxBitLength));
      return StrCat("bit(", n, ")");
    }
    case Modifier::kVarbit: {
      if (mods.empty()) return base;
      PGDRIFT_ASSIGN_OR_RETURN(int64_t n, LengthModifier("varbit", mods, kMaxBitLength));
      return StrCat(base, "(", n, ")");
    }
    case Modifier::kNumeric: {
      if (mods.empty()) return base;
      if (mods.size() > 2) return Invalid("invalid NUMERIC type modifier");
      int64_t precision = mods[0];
      int64_t scale = mods.size() == 2 ? mods[1] : 0;
      if (precision < 1 || precision > kMaxNumericPrecision) {
        return Invalid(StrCat("NUMERIC precision ", precision, " must be between 1 and ",
                              kMaxNumericPrecision));
      }
      if (scale < -kMaxNumericScale || scale > kMaxNumericScale) {
        return Invalid(StrCat("NUMERIC scale ", scale, " must be between ", -kMaxNumericScale,
                              " and ", kMaxNumericScale));
      }
      return StrCat("numeric(", precision, ",", scale, ")");
    }
    case Modifier::kTime:
    case Modifier::kTimetz:
    case Modifier::kTimestamp:
    case Modifier::kTimestamptz: {
      bool with_zone =
          type.modifier == Modifier::kTimetz || type.modifier == Modifier::kTimestamptz;
      std::string zone = with_zone ? " with time zone" : " without time zone";
      if (mods.empty()) return StrCat(base, zone);
      if (mods.size() != 1) return Invalid("invalid type modifier");
      bool is_time = type.modifier == Modifier::kTime || type.modifier == Modifier::kTimetz;
      PGDRIFT_ASSIGN_OR_RETURN(
          int64_t p, DatetimePrecision(is_time ? "TIME" : "TIMESTAMP", with_zone, mods[0]));
      // The typmodout functions print the precision right after the first word.
      return StrCat(base, "(", p, ")", zone);
    }
    case Modifier::kInterval: {
      if (mods.empty()) return base;
      if (mods.size() > 2) return Invalid("invalid INTERVAL type modifier");
      std::optional<std::string_view> fields = IntervalFields(mods[0]);
      if (!fields) return Invalid("invalid INTERVAL type modifier");
      std::string text = StrCat(base, *fields);
      if (mods.size() == 2) {
        if (mods[1] < 0) {
          return Invalid(StrCat("INTERVAL(", mods[1], ") precision must not be negative"));
        }
        StrAppend(&text, "(", mods[1] > kMaxDatetimePrecision ? kMaxDatetimePrecision : mods[1],
                  ")");
      }
      return text;
    }
    case Modifier::kFloat: {
      // opt_float in gram.y: FLOAT(p) is real up to 24 bits, double precision up to 53.
      if (mods.empty()) return base;
      if (mods.size() != 1) return Invalid("invalid type modifier");
      if (mods[0] < 1) return Invalid("precision for type float must be at least 1 bit");
      if (mods[0] <= 24) return std::string("real");
      if (mods[0] <= 53) return std::string("double precision");
      return Invalid("precision for type float must be less than 54 bits");
    }
  }
  return base;
}

const BuiltinType* FindBuiltin(std::string_view name, bool from_type_name) {
  auto it = SpecialTypes().find(name);
  if (it != SpecialTypes().end()) {
    if (from_type_name && it->second.sql_spelling) return nullptr;
    return &it->second;
  }
  return nullptr;
}

// format_type of any built-in type (special or plain) `name` with `mods`; nullopt when
// `name` is no built-in type.
std::optional<absl::StatusOr<std::string>> FormatAnyBuiltin(std::string_view name,
                                                            const std::vector<int64_t>& mods,
                                                            bool from_type_name) {
  if (const BuiltinType* special = FindBuiltin(name, from_type_name)) {
    return FormatBuiltin(name, *special, mods);
  }
  if (IsPlainType(name)) {
    std::string quoted = QuoteIdent(name);
    return FormatBuiltin(name, BuiltinType{quoted}, mods);
  }
  return std::nullopt;
}

// Parses "10,2" into integers; nullopt on anything else.
std::optional<std::vector<int64_t>> ParseModifierText(std::string_view text) {
  std::vector<int64_t> mods;
  if (Trim(text).empty()) return mods;
  for (const std::string& piece : StrSplit(text, ',')) {
    std::string_view digits = Trim(piece);
    if (digits.empty()) return std::nullopt;
    size_t start = digits[0] == '-' || digits[0] == '+' ? 1 : 0;
    if (start == digits.size()) return std::nullopt;
    for (size_t i = start; i < digits.size(); ++i) {
      if (digits[i] < '0' || digits[i] > '9') return std::nullopt;
    }
    try {
      mods.push_back(std::stoll(std::string(digits)));
    } catch (...) {
      return std::nullopt;
    }
  }
  return mods;
}

// A type modifier node as text: integer, string or float constant, or an identifier
// (ColumnRef) as extension types take them (`geometry(Point, 4326)`).
std::optional<std::string> ModifierText(const PgQuery__Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
    const PgQuery__ColumnRef* column_ref = node->column_ref;
    if (column_ref->n_fields != 1) return std::nullopt;
    std::string name = StringOf(column_ref->fields[0]);
    if (name.empty()) return std::nullopt;
    return name;
  }
  return ConstantText(node);
}

// The type's name as PostgreSQL's TypeNameToString prints it in messages.
std::string WrittenName(const PgQuery__TypeName& type_name) {
  std::string text = StrJoin(StringList(type_name.names, type_name.n_names), ".");
  if (type_name.pct_type) StrAppend(&text, "%TYPE");
  if (type_name.n_array_bounds > 0) StrAppend(&text, "[]");
  return text;
}

// Extensions whose column types pgdrift knows, and those known to provide none a
// column would use. The types of other extensions are unknown, see ExtensionSchemaFor.
const std::map<std::string_view, std::string_view>& KnownExtensionTypes() {
  static const auto* types = new std::map<std::string_view, std::string_view>{
      {"citext", "citext"},
      {"hstore", "hstore"},
      {"ghstore", "hstore"},
      {"vector", "vector"},
      {"halfvec", "vector"},
      {"sparsevec", "vector"},
      {"geometry", "postgis"},
      {"geography", "postgis"},
      {"box2d", "postgis"},
      {"box3d", "postgis"},
      {"box2df", "postgis"},
      {"gidx", "postgis"},
      {"raster", "postgis_raster"},
      {"ltree", "ltree"},
      {"lquery", "ltree"},
      {"ltxtquery", "ltree"},
      {"cube", "cube"},
      {"earth", "earthdistance"},
      {"seg", "seg"},
      {"ean13", "isn"},
      {"isbn", "isn"},
      {"isbn13", "isn"},
      {"ismn", "isn"},
      {"ismn13", "isn"},
      {"issn", "isn"},
      {"issn13", "isn"},
      {"upc", "isn"},
      {"lo", "lo"},
      {"query_int", "intarray"},
      {"gtrgm", "pg_trgm"},
  };
  return *types;
}

bool ExtensionProvidesNoColumnTypes(std::string_view extension) {
  static const std::set<std::string_view> kNone = {"btree_gin",
                                                   "btree_gist",
                                                   "dblink",
                                                   "fuzzystrmatch",
                                                   "pg_graphql",
                                                   "pg_net",
                                                   "pg_stat_statements",
                                                   "pgaudit",
                                                   "pgcrypto",
                                                   "pgjwt",
                                                   "pgsodium",
                                                   "pg_cron",
                                                   "pg_jsonschema",
                                                   "plpgsql",
                                                   "postgres_fdw",
                                                   "supabase_vault",
                                                   "tablefunc",
                                                   "unaccent",
                                                   "uuid-ossp",
                                                   "intarray",
                                                   "pg_trgm",
                                                   "hstore",
                                                   "citext",
                                                   "vector",
                                                   "postgis",
                                                   "postgis_raster",
                                                   "ltree",
                                                   "cube",
                                                   "earthdistance",
                                                   "seg",
                                                   "isn",
                                                   "lo"};
  return kNone.contains(extension);
}

// Types that extensions provide (citext, hstore, vector, geometry …) are not in the
// catalog: the model represents an extension by the extension alone. So an unqualified
// type name that is neither built-in nor a user type is taken to be an extension's,
// and lives in that extension's schema (pg_extension.extnamespace, as CREATE EXTENSION
// … WITH SCHEMA put it):
//  1. a type known to come from an extension (citext → citext, vector → vector,
//     geometry → postgis …) resolves to that extension's schema when it is installed;
//  2. otherwise, among the installed extensions pgdrift knows nothing about (not in the
//     tables above), the one whose schema comes first in search_path, else the first by
//     name;
//  3. otherwise the type does not exist.
// Returns the schema, or nullopt.
std::optional<std::string> ExtensionSchemaFor(std::string_view name,
                                              const model::Catalog& catalog) {
  auto known = KnownExtensionTypes().find(name);
  if (known != KnownExtensionTypes().end()) {
    auto extension = catalog.extensions.find(std::string(known->second));
    if (extension != catalog.extensions.end()) return extension->second.schema;
  }
  std::vector<const model::Extension*> unknown;
  for (const auto& [extension_name, extension] : catalog.extensions) {
    if (!ExtensionProvidesNoColumnTypes(extension_name)) unknown.push_back(&extension);
  }
  if (unknown.empty()) return std::nullopt;
  for (const std::string& entry : catalog.search_path) {
    const std::string& schema = entry == "$user" ? catalog.current_user : entry;
    for (const model::Extension* extension : unknown) {
      if (extension->schema == schema) return extension->schema;
    }
  }
  return unknown.front()->schema;
}

// Whether a qualified type that is not in the catalog is still taken as it is: a type
// in an extension's schema, in a schema the platform profile manages (its types are
// out of scope), or one of information_schema's domains.
bool AcceptUnmodelledQualifiedType(const model::QualifiedName& name,
                                   const model::Catalog& catalog) {
  if (name.schema == "information_schema") return IsInformationSchemaType(name.name);
  for (const auto& [extension_name, extension] : catalog.extensions) {
    if (extension.schema == name.schema) return true;
  }
  auto schema = catalog.schemas.find(name.schema);
  return schema != catalog.schemas.end() && schema->second.managed;
}

// The modifiers of `type_name` as integers, for a built-in type.
absl::StatusOr<std::vector<int64_t>> IntegerModifiers(const PgQuery__TypeName& type_name) {
  std::vector<int64_t> mods;
  for (size_t i = 0; i < type_name.n_typmods; ++i) {
    std::optional<long long> value = IntegerOf(type_name.typmods[i]);
    if (!value) return Invalid("invalid type modifier");
    mods.push_back(*value);
  }
  return mods;
}

// "(1536)", "(point,4326)": modifiers of a type pgdrift does not know, as written.
absl::StatusOr<std::string> ModifierSuffix(const PgQuery__TypeName& type_name) {
  if (type_name.n_typmods == 0) return std::string();
  std::vector<std::string> parts;
  for (size_t i = 0; i < type_name.n_typmods; ++i) {
    std::optional<std::string> text = ModifierText(type_name.typmods[i]);
    if (!text) return Invalid("type modifiers must be simple constants or identifiers");
    parts.push_back(*text);
  }
  return StrCat("(", StrJoin(parts, ","), ")");
}

std::optional<model::SerialKind> SerialKindOf(std::string_view name) {
  if (name == "smallserial" || name == "serial2") return model::SerialKind::kSmall;
  if (name == "serial" || name == "serial4") return model::SerialKind::kRegular;
  if (name == "bigserial" || name == "serial8") return model::SerialKind::kBig;
  return std::nullopt;
}

std::string_view SerialBaseType(model::SerialKind kind) {
  switch (kind) {
    case model::SerialKind::kSmall:
      return "smallint";
    case model::SerialKind::kBig:
      return "bigint";
    case model::SerialKind::kRegular:
    case model::SerialKind::kNone:
      return "integer";
  }
  return "integer";
}

absl::Status TypeDoesNotExist(const PgQuery__TypeName& type_name) {
  return absl::NotFoundError(StrCat("type \"", WrittenName(type_name), "\" does not exist"));
}

}  // namespace

std::string CanonicalBuiltinType(std::string_view name, std::string_view typmods) {
  std::optional<std::vector<int64_t>> mods = ParseModifierText(typmods);
  if (!mods) return "";
  std::string lower = AsciiLower(Trim(name));
  std::optional<absl::StatusOr<std::string>> text =
      FormatAnyBuiltin(lower, *mods, /*from_type_name=*/false);
  if (!text || !text->ok()) return "";
  return **text;
}

std::string CanonicalCollation(PgQuery__Node* const* names, size_t count) {
  model::QualifiedName name = QualifiedNameOf(names, count);
  if (name.name == "default" && (name.schema.empty() || name.schema == "pg_catalog")) return "";
  // Collations are not modelled: an unqualified name is taken to be pg_catalog's, where
  // the collations initdb and the ICU / libc imports create live.
  if (name.schema.empty()) name.schema = "pg_catalog";
  return QuoteQualified(name.schema, name.name);
}

absl::StatusOr<model::TypeRef> ResolveTypeName(const PgQuery__TypeName& type_name,
                                               const model::Catalog& catalog,
                                               model::SerialKind* serial) {
  if (type_name.pct_type) return absl::UnimplementedError("%TYPE is not modelled");
  std::vector<std::string> parts = StringList(type_name.names, type_name.n_names);
  if (parts.empty()) return Invalid("type name is missing");
  bool array = type_name.n_array_bounds > 0;

  // transformColumnDefinition (parse_utilcmd.c) recognizes serial only as a bare name.
  if (parts.size() == 1) {
    if (std::optional<model::SerialKind> kind = SerialKindOf(parts[0])) {
      if (serial == nullptr) return TypeDoesNotExist(type_name);
      if (array) return Invalid("array of serial is not implemented");
      *serial = *kind;
      return model::TypeRef::Builtin(std::string(SerialBaseType(*kind)));
    }
  }

  model::QualifiedName name = QualifiedNameOf(type_name.names, type_name.n_names);
  if (name.schema.empty() || name.schema == "pg_catalog") {
    // pg_catalog is searched before anything on search_path unless listed later in it;
    // pgdrift always searches it first.
    std::string builtin;
    if (FindBuiltin(name.name, true) != nullptr || IsPlainType(name.name)) {
      builtin = name.name;
    } else if (name.name.size() > 1 && name.name[0] == '_' &&
               (FindBuiltin(name.name.substr(1), true) != nullptr ||
                IsPlainType(name.name.substr(1)))) {
      // `_int4`: the array type of a built-in type, written by its pg_type name.
      builtin = name.name.substr(1);
      array = true;
    }
    if (!builtin.empty()) {
      PGDRIFT_ASSIGN_OR_RETURN(std::vector<int64_t> mods, IntegerModifiers(type_name));
      PGDRIFT_ASSIGN_OR_RETURN(std::string spelling,
                               *FormatAnyBuiltin(builtin, mods, /*from_type_name=*/true));
      return model::TypeRef::Builtin(std::move(spelling), array);
    }
    if (name.schema == "pg_catalog") return TypeDoesNotExist(type_name);
  }

  if (std::optional<model::QualifiedName> found = catalog.ResolveType(name)) {
    // Enums, composites, ranges and domains have no typmodin.
    if (type_name.n_typmods > 0) {
      return Invalid(StrCat("type modifier is not allowed for type \"",
                            StrJoin(StringList(type_name.names, type_name.n_names), "."), "\""));
    }
    return model::TypeRef{found->schema, found->name, array};
  }

  std::optional<std::string> schema;
  if (!name.schema.empty()) {
    if (AcceptUnmodelledQualifiedType(name, catalog)) schema = name.schema;
  } else {
    schema = ExtensionSchemaFor(name.name, catalog);
  }
  if (!schema) return TypeDoesNotExist(type_name);
  PGDRIFT_ASSIGN_OR_RETURN(std::string suffix, ModifierSuffix(type_name));
  if (*schema == "pg_catalog" || schema->empty()) {
    // Visible whatever the search_path: format_type prints it unqualified.
    return model::TypeRef::Builtin(StrCat(QuoteIdent(name.name), suffix), array);
  }
  model::TypeRef type{*schema, name.name, array};
  type.typmod = std::move(suffix);
  return type;
}

}  // namespace pgdrift::parser
