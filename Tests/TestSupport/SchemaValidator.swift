import Foundation

/// Checks files against mailzone's JSON Schemas with Python's `jsonschema` (Draft 2020-12), the
/// validator editors' schemas are written for, so a schema and the program cannot drift apart
/// unseen. YAML files are read by YAML 1.2's core schema, as mailzone and editors read them
/// (PyYAML alone reads YAML 1.1: `yes` a boolean, `2026-12-06` a date).
public enum SchemaValidator {
    /// What `validate` could not do (python3 missing or failing).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether python3 has `jsonschema`, `referencing` and PyYAML.
    public static let isAvailable: Bool =
        (try? ToolProcess.run("python3", ["-c", "import jsonschema, referencing, yaml"]))?.status == 0

    /// Checks every `*.schema.json` in `schemas` (each must be a valid Draft 2020-12 schema; they
    /// may refer to each other by `$id`), then each file against the schema named beside it.
    /// Results by file path, and by schema file name for the schemas themselves: `VALID`,
    /// `INVALID` with the first error's place and message, or `UNREADABLE` with the reason.
    public static func validate(_ files: [(schema: String, path: String)], schemas: URL) throws -> [String: String] {
        let result = try ToolProcess.run(
            "python3", ["-c", script, schemas.path] + files.flatMap { [$0.schema, $0.path] })
        guard result.status == 0 else { throw Failure(description: "python3 failed: \(result.output)") }
        var results: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { results[String(parts[0])] = String(parts[1]) }
        }
        return results
    }

    static let script = #"""
        import json, sys, pathlib, re
        import yaml
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError
        from referencing import Registry, Resource
        class CoreSchemaLoader(yaml.SafeLoader):
            yaml_implicit_resolvers = {}
        for tag, pattern, first in [
            ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
            ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
            ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
            ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                      r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
            ("merge", r"^<<$", "<"),
        ]:
            CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))
        CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])
        schemas = pathlib.Path(sys.argv[1])
        docs = {p.name: json.loads(p.read_text()) for p in sorted(schemas.glob("*.schema.json"))}
        for name, doc in docs.items():
            try:
                Draft202012Validator.check_schema(doc)
                print(name + "\tVALID")
            except SchemaError as e:
                print(name + "\tINVALID " + e.message.replace("\n", " "))
        registry = Registry().with_resources([(d["$id"], Resource.from_contents(d)) for d in docs.values()])
        args = sys.argv[2:]
        for schema_name, path in zip(args[0::2], args[1::2]):
            validator = Draft202012Validator(docs[schema_name], registry=registry)
            try:
                with open(path, encoding="utf-8") as f:
                    if path.endswith((".yaml", ".yml")):
                        data = yaml.load(f, Loader=CoreSchemaLoader)
                    else:
                        data = json.load(f)
            except Exception as e:
                print(path + "\tUNREADABLE " + str(e).replace("\n", " "))
                continue
            errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
            if errors:
                where = "/".join(map(str, errors[0].absolute_path))
                print(path + "\tINVALID " + where + ": " + errors[0].message.replace("\n", " "))
            else:
                print(path + "\tVALID")
        """#
}
