import MailAuth

/// What `mailzone presets` prints: the list of services, or one service in full with the
/// records it would need for `example.com` (each input set to its documented example),
/// so a user sees what a preset does before naming it in mailzone.yaml.
public enum PresetReport {
    /// The domain the detail view expands the records for.
    public static let exampleDomain = "example.com"

    /// One line per preset: name, title, SPF include, record count and an `unconfirmed` marker
    /// when any of its values is not confirmed by the service's documentation.
    public static func list(_ catalog: PresetCatalog) -> String {
        let rows = catalog.definitions.map { definition -> [String] in
            let preset = definition.preset
            let optional = preset.records.filter(\.optional).count
            let count = optional > 0 ? "\(preset.records.count) (\(optional) optional)" : "\(preset.records.count)"
            return [
                preset.name, preset.title, exampleInclude(definition) ?? "-", count,
                isUnconfirmed(preset) ? "unconfirmed" : "",
            ]
        }
        return TextTable(header: ["NAME", "SERVICE", "SPF INCLUDE", "RECORDS", ""], rows: rows).render()
            + "\n`mailzone presets NAME` shows a service's inputs and records.\n"
    }

    static func isUnconfirmed(_ preset: ServicePreset) -> Bool {
        (preset.spf?.mayBeUnconfirmed ?? false) || preset.records.contains(where: \.mayBeUnconfirmed)
    }

    /// The preset called `name`, or an error with the closest names.
    /// `builtInOnly` says whether `catalog` holds only the built-in presets (for the message).
    public static func find(_ name: String, in catalog: PresetCatalog, builtInOnly: Bool = true)
        throws(UnknownPresetError) -> PresetDefinition
    {
        if let definition = catalog.preset(named: name) ?? catalog.preset(named: name.lowercased()) {
            return definition
        }
        let suggestions = Suggestion.presetNames(near: name, in: catalog.names)
        throw UnknownPresetError(name: name, suggestions: suggestions, known: catalog.names, builtInOnly: builtInOnly)
    }

    /// One preset in full: inputs, the records for `example.com`, notes.
    public static func detail(_ definition: PresetDefinition) -> String {
        let preset = definition.preset
        var out = "\(preset.name): \(preset.title)\(isUnconfirmed(preset) ? " (some values unconfirmed)" : "")\n"
        if let documentation = preset.documentation { out += "Documentation: \(documentation)\n" }
        if let checked = preset.checked { out += "Sources checked: \(checked)\n" }
        if let spf = preset.spf {
            out += "SPF: include:\(exampleInclude(definition) ?? spf.include) in the record at \(spf.name)"
            out += unconfirmedMark(spf.unconfirmed, spf.unconfirmedWhen, prefix: " (", suffix: ")")
            out += "; a new record ends with \(spf.suggestedAll), an existing one keeps its own all\n"
        } else {
            out += "SPF: no include\n"
        }

        out += "\nInputs"
        if preset.inputs.isEmpty {
            out += ": none\n"
        } else {
            out += " (in mailzone.yaml, dkim.NAME goes under `dkim:`, others under `inputs:`):\n"
            let required = Set(definition.requiredInputs.map(\.name))
            for input in preset.inputs {
                out +=
                    "  \(input.name)  \(required.contains(input.name) ? "required" : requirement(of: input, in: definition))\n"
                out += "      \(input.description)\n"
                if !input.allowedValues.isEmpty {
                    out += "      one of: \(input.allowedValues.joined(separator: ", "))\n"
                }
                for value in input.allowedValues {
                    guard let parts = input.parts[value] else { continue }
                    out +=
                        "      \(value): "
                        + parts.keys.sorted().map { "\($0) \(parts[$0] ?? "")" }.joined(separator: ", ") + "\n"
                }
                if let value = input.defaultValue { out += "      default: \(value)\n" }
                out += "      example: \(input.example)\n"
            }
        }

        var examples: [String: String] = [:]
        for input in preset.inputs { examples[input.name] = input.example }
        let values = placeholderValues(examples, preset)
        var rows: [[String]] = []
        var spfRow: [String]? = nil
        if let spf = preset.spf, let templates = definition.spfTemplates,
            let name = templates.name.expand(values), let include = templates.value.expand(values)
        {
            spfRow = [
                name, "TXT", "v=spf1 include:\(include) \(spf.suggestedAll)",
                unconfirmedMark(spf.unconfirmed, spf.unconfirmedWhen, prefix: "", suffix: "")
                    .replacingOccurrences(of: "unconfirmed", with: "unconfirmed include"),
                spf.source ?? "",
            ]
        }
        // In plan order: MX, then the SPF record, then the rest.
        for (index, record) in preset.records.enumerated() where index < definition.recordTemplates.count {
            if record.purpose != .mx, let row = spfRow {
                rows.append(row)
                spfRow = nil
            }
            let templates = definition.recordTemplates[index]
            // A record of another variant is shown in its own: the first value its condition accepts.
            var variant = examples
            for (input, accepted) in record.when where !accepted.contains(examples[input] ?? "") {
                variant[input] = accepted.first
            }
            let recordValues = record.applies(to: examples) ? values : placeholderValues(variant, preset)
            let name = templates.name.expand(recordValues) ?? record.name
            let value = templates.value.expand(recordValues) ?? record.value
            let unconfirmed = unconfirmedMark(record.unconfirmed, record.unconfirmedWhen, prefix: "", suffix: "")
            let remarks = [
                record.when.isEmpty ? nil : "only when \(PresetVariant.describe(record.when))",
                record.optional ? "optional" : nil, record.exclusive ? "the only MX at its name" : nil,
                unconfirmed.isEmpty ? nil : unconfirmed, record.note,
            ]
            .compactMap { $0 }
            rows.append([name, record.type, value, remarks.joined(separator: "; "), record.source ?? ""])
        }
        if let row = spfRow { rows.append(row) }
        out += "\nRecords for \(exampleDomain) (host records relative to it; inputs set to their examples):\n"
        // Notes go on their own line under the record: values such as DKIM keys are too long to align a column after them.
        var table = TextTable(header: ["Host record", "Type", "Value"], indent: "  ")
        table.rows = rows.map { Array($0.prefix(3)) }
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false)
        out += (lines.first.map { $0 + "\n" } ?? "")
        for (row, line) in zip(rows, lines.dropFirst()) {
            out += line + "\n"
            if row.count > 3, !row[3].isEmpty { out += "      (\(row[3]))\n" }
            if row.count > 4, !row[4].isEmpty { out += "      source: \(row[4])\n" }
        }

        if !preset.notes.isEmpty {
            out += "\nNotes:\n" + preset.notes.map { "  - \($0)\n" }.joined()
        }
        return out
    }
}

extension PresetReport {
    /// What the templates get when the inputs hold `written` (defaults and the built-ins included).
    static func placeholderValues(_ written: [String: String], _ preset: ServicePreset) -> [String: String] {
        var values = ["domain": exampleDomain, "domain_dashed": exampleDomain.replacingOccurrences(of: ".", with: "-")]
        for input in preset.inputs {
            if let value = written[input.name] { values.merge(input.placeholderValues(for: value)) { _, new in new } }
        }
        return values
    }

    /// The SPF include with each input set to its example (`${region.spf}` shown as the host it
    /// stands for), or nil when the preset has no SPF include.
    static func exampleInclude(_ definition: PresetDefinition) -> String? {
        guard let spf = definition.preset.spf else { return nil }
        var examples: [String: String] = [:]
        for input in definition.preset.inputs { examples[input.name] = input.example }
        return definition.spfTemplates?.value.expand(placeholderValues(examples, definition.preset)) ?? spf.include
    }

    /// `unconfirmed`, `unconfirmed when region is ap-southeast-1`, or nothing.
    static func unconfirmedMark(_ always: Bool, _ when: [String: [String]], prefix: String, suffix: String) -> String {
        if always { return prefix + "unconfirmed" + suffix }
        if when.isEmpty { return "" }
        return prefix + "unconfirmed when \(PresetVariant.describe(when))" + suffix
    }

    /// `optional`, or `required when mode is manual` for an input only some variants need.
    static func requirement(of input: PresetInput, in definition: PresetDefinition) -> String {
        guard input.required else { return "optional" }
        let conditions = definition.preset.records.indices.filter {
            definition.recordTemplates[$0].uses(input) && !definition.preset.records[$0].optional
                && !definition.preset.records[$0].when.isEmpty
        }.map { definition.preset.records[$0].when }
        guard let first = conditions.first else { return "optional" }
        return "required when \(PresetVariant.describe(first))"
    }
}

/// `presets NAME` for a name no built-in preset has.
public struct UnknownPresetError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var suggestions: [String]
    public var known: [String]
    /// False when the user's presets (from `--config`) were searched too.
    public var builtInOnly = true

    public var description: String {
        var text =
            "no \(builtInOnly ? "built-in preset" : "preset (built in or in the declaration)") is called '\(name)'"
        text += Suggestion.didYouMean(any: suggestions)
        text += "\n    presets: \(known.joined(separator: ", "))"
        return text
    }
}
