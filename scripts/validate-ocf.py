#!/usr/bin/env python3
"""Validates an OCF package folder against the official OCF 1.2.0 JSON schema, offline.

Usage: scripts/validate-ocf.py SCHEMA_DIR PACKAGE_DIR
Each file is checked against its file schema, and each item against the schema of its
object_type (the file schemas' oneOf is slow and, for TransactionsFile, incomplete).
Exit 0 when valid; 1 with one line per problem otherwise; 2 when jsonschema is missing.
"""
import json
import os
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError:
    print("jsonschema is not installed", file=sys.stderr)
    sys.exit(2)

schema_dir, package = sys.argv[1], sys.argv[2]
resources = []
by_object_type = {}
by_file_type = {}
for root, _, names in os.walk(schema_dir):
    for name in names:
        if not name.endswith(".schema.json"):
            continue
        with open(os.path.join(root, name)) as f:
            schema = json.load(f)
        resources.append((schema["$id"], Resource.from_contents(schema)))
        object_type = schema.get("properties", {}).get("object_type", {})
        for const in [object_type.get("const")] + object_type.get("enum", []):
            if const:
                by_object_type[const] = schema
        const = schema.get("properties", {}).get("file_type", {}).get("const")
        if const:
            by_file_type[const] = schema
registry = Registry().with_resources(resources)

problems = []
def check(schema, instance, where):
    validator = jsonschema.Draft7Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())
    for error in validator.iter_errors(instance):
        problems.append(f"{where}: {error.message} at {list(error.absolute_path)}")

for name in sorted(os.listdir(package)):
    if not name.endswith(".ocf.json"):
        continue
    with open(os.path.join(package, name)) as f:
        data = json.load(f)
    file_type = data.get("file_type")
    if file_type == "OCF_MANIFEST_FILE":
        check(by_file_type[file_type], data, name)
        continue
    shell = dict(data, items=[])
    check(by_file_type[file_type], shell, name)
    for item in data.get("items", []):
        schema = by_object_type.get(item.get("object_type"))
        if schema is None:
            problems.append(f"{name}, item {item.get('id')}: unknown object_type {item.get('object_type')}")
            continue
        check(schema, item, f"{name}, item {item.get('id')}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
