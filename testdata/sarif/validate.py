#!/usr/bin/env python3
"""Validates a SARIF 2.1.0 document read from standard input against the schema beside
this script (a draft-04 JSON schema). Exit status: 0 valid, 1 invalid, 2 not JSON."""

import json
import os
import sys

import jsonschema


def main():
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "sarif-2.1.0-rtm.5.json")
    with open(schema_path, encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    try:
        document = json.load(sys.stdin)
    except ValueError as error:
        print(f"not JSON: {error}", file=sys.stderr)
        return 2
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema,
                                           format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        print(f"/{path}: {error.message}", file=sys.stderr)
    if errors:
        print(f"invalid: {len(errors)} schema violation(s)", file=sys.stderr)
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
