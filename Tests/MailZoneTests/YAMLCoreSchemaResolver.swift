import Yams

/// Yams configured with the YAML 1.2 core schema (YAML 1.2.2 §10.3.2), the oracle the YAML
/// differential and scalar-typing tests compare mailzone's reader with.
///
/// Yams' `Resolver.default` is YAML 1.1's (`yes` a boolean, `2026-11-30` a date, `0b1`,
/// `1_000` and `1:30` integers); mailzone reads YAML 1.2. The rules below are the core
/// schema's regular expressions as the specification writes them, tried in its order (null,
/// bool, int, float), plus the merge key `<<`, which mailzone keeps from YAML 1.1. They are an
/// independent statement of the rules that `YAMLScalarTyping`'s byte matchers implement.
enum YAMLCoreSchemaResolver {
    static let resolver: Resolver = {
        do {
            return try Resolver.basic
                .appending(.null, "^(?:~|null|Null|NULL|)$")
                .appending(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
                .appending(.int, "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
                .appending(
                    .float,
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
                )
                .appending(.merge, "^<<$")
        } catch {
            preconditionFailure("the core schema's patterns are valid regular expressions: \(error)")
        }
    }()
}
