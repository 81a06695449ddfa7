import MailAuth

/// Decodes one preset mapping into a `PresetDefinition`.
///
/// The single code path for presets: the built-in files and the user's inline
/// `presets:` entries are read by this decoder, so both get the same checks and
/// the same errors.
enum PresetDecoder {
    static let presetKeys = ["name", "title", "documentation", "checked", "spf", "inputs", "records", "notes"]
    static let spfKeys = ["include", "name", "suggested_all", "unconfirmed", "source"]
    static let inputKeys = ["name", "description", "example", "required", "default", "values"]
    static let recordKeys = [
        "name", "type", "value", "purpose", "optional", "unconfirmed", "note", "source", "when", "exclusive",
    ]
    /// Record types a preset may ask for; the planner knows how to merge these.
    static let recordTypes = ["MX", "TXT", "CNAME"]

    static func decode(_ node: YAMLNode, origin: PresetDefinition.Origin, diagnostics: inout Diagnostics)
        -> PresetDefinition?
    {
        guard let map = MappingReader(node, what: "preset", keys: presetKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let errorsBefore = diagnostics.errors.count
        let name = map.required("name", diagnostics: &diagnostics)?.string("a preset name", diagnostics: &diagnostics)
        if let name, !isValidPresetName(name.value) {
            diagnostics.error(
                at: name.location, "'\(name.value)' is not a valid preset name",
                hint: "use lower-case letters, digits and single hyphens, like 'in-house-relay'")
        }
        let title = map["title"]?.string("a title", diagnostics: &diagnostics)
        let documentation = map["documentation"]?.string("a documentation URL", diagnostics: &diagnostics)
        // A string: YAML reads an unquoted 2026-12-06 as a timestamp, which the schema's validators refuse too.
        let checked = map["checked"]?.string("a quoted date, like \"2026-12-06\"", diagnostics: &diagnostics)
        if let checked, !isDate(checked.value) {
            diagnostics.error(
                at: checked.location, "'\(checked.value)' is not a date",
                hint: "write the day the sources were read as YEAR-MONTH-DAY, like 2026-12-06")
        }

        // Inputs first: the templates are checked against them.
        var inputs: [PresetInput] = []
        var inputNames = Set<String>()
        for item in map["inputs"]?.list("a list of inputs", diagnostics: &diagnostics) ?? [] {
            guard let input = decodeInput(item, diagnostics: &diagnostics) else { continue }
            if !inputNames.insert(input.name).inserted {
                diagnostics.error(at: item.location, "the input '\(input.name)' is declared twice in this preset")
            }
            inputs.append(input)
        }
        var known = inputNames.union(Template.builtInPlaceholders)
        for input in inputs {
            for part in input.partNames {
                let placeholder = "\(input.name).\(part)"
                if !known.insert(placeholder).inserted {
                    diagnostics.error(
                        at: node.location,
                        "the part '\(part)' of the input '\(input.name)' makes '${\(placeholder)}', which another input already is",
                        hint: "rename the part or the other input")
                }
            }
        }

        var spf: PresetSPF?
        var spfTemplates: PresetDefinition.RecordTemplates?
        if let spfNode = map["spf"] {
            (spf, spfTemplates) =
                decodeSPF(spfNode, known: known, inputs: inputs, diagnostics: &diagnostics) ?? (nil, nil)
        }

        var records: [PresetRecord] = []
        var locations: [YAMLLocation] = []
        var templates: [PresetDefinition.RecordTemplates] = []
        for item in map["records"]?.list("a list of records", diagnostics: &diagnostics) ?? [] {
            guard
                let (record, recordTemplates) = decodeRecord(
                    item, known: known, inputs: inputs,
                    diagnostics: &diagnostics)
            else { continue }
            records.append(record)
            locations.append(item.location)
            templates.append(recordTemplates)
        }
        if records.isEmpty && map["spf"] == nil && diagnostics.errors.count == errorsBefore {
            diagnostics.error(
                at: node.location, "the preset asks for no records and no SPF include",
                hint: "add 'records:' or 'spf:'")
        }

        var notes: [String] = []
        for item in map["notes"]?.list("a list of notes", diagnostics: &diagnostics) ?? [] {
            if let note = item.string("a note", diagnostics: &diagnostics) { notes.append(note.value) }
        }

        guard diagnostics.errors.count == errorsBefore, let name else { return nil }
        let preset = ServicePreset(
            name: name.value, title: title?.value ?? name.value, documentation: documentation?.value,
            spf: spf, records: records, inputs: inputs, notes: notes,
            checked: checked?.value)
        return PresetDefinition(
            preset: preset, origin: origin, location: node.location, recordLocations: locations,
            recordTemplates: templates, spfTemplates: spfTemplates)
    }

    /// `YYYY-MM-DD` with a month 01-12 and a day 01-31: the form `checked:` is written in.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func isValidPresetName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            first != "-", last != "-", !name.contains("--")
        else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: - Parts

    private static func decodeInput(_ node: YAMLNode, diagnostics: inout Diagnostics) -> PresetInput? {
        guard let map = MappingReader(node, what: "preset input", keys: inputKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let name = map.required("name", diagnostics: &diagnostics)?.string("an input name", diagnostics: &diagnostics)
        if let name, !Template.isValidName(name.value) || Template.builtInPlaceholders.contains(name.value) {
            diagnostics.error(
                at: name.location, "'\(name.value)' is not a valid input name",
                hint: "use letters, digits, '_' and '-', with dots between parts (dkim.SELECTOR); "
                    + "'domain' and 'domain_dashed' are reserved")
        }
        let description = map.required("description", diagnostics: &diagnostics)?
            .string("a description", diagnostics: &diagnostics)
        let example = map["example"]?.text("an example value", diagnostics: &diagnostics)
        let required = map["required"]?.boolean(for: "required", diagnostics: &diagnostics)
        let defaultValue = map["default"]?.text("a default value", diagnostics: &diagnostics)
        var allowed: [String] = []
        var expansions: [String: String] = [:]
        var parts: [String: [String: String]] = [:]
        if let valuesNode = map["values"] {
            // A list names the values; a mapping also says what the templates get for each: one
            // text, or named parts (`{ spf: ..., mx: ... }`) when a value stands for several hosts.
            if case .mapping(let pairs) = valuesNode.content {
                var firstParts: (value: String, names: [String])?
                for pair in pairs {
                    guard let value = pair.key.text("a value", diagnostics: &diagnostics) else { continue }
                    if case .mapping(let partPairs) = pair.value.content {
                        var named: [String: String] = [:]
                        for partPair in partPairs {
                            guard
                                let part = partPair.key.string("a part name", diagnostics: &diagnostics),
                                let text = partPair.value.text("the text the templates get", diagnostics: &diagnostics)
                            else { continue }
                            if !Template.isValidName(part.value) || part.value.contains(".") {
                                diagnostics.error(
                                    at: part.location, "'\(part.value)' is not a valid part name",
                                    hint: "use letters, digits, '_' and '-'")
                                continue
                            }
                            named[part.value] = text.value
                        }
                        let names = named.keys.sorted()
                        if let first = firstParts, first.names != names {
                            diagnostics.error(
                                at: pair.value.location,
                                "the value '\(value.value)' names the parts \(MappingReader.list(names.map { "'\($0)'" })), "
                                    + "but '\(first.value)' names \(MappingReader.list(first.names.map { "'\($0)'" }))",
                                hint: "give every value of the input the same parts")
                        } else if firstParts == nil {
                            if !expansions.isEmpty {
                                diagnostics.error(
                                    at: pair.value.location,
                                    "the value '\(value.value)' has parts, but the values before it have one text each",
                                    hint: "give every value of the input the same parts, or one text each")
                            }
                            firstParts = (value.value, names)
                        }
                        allowed.append(value.value)
                        parts[value.value] = named
                        continue
                    }
                    guard let expansion = pair.value.text("the text the templates get", diagnostics: &diagnostics)
                    else { continue }
                    if firstParts != nil {
                        diagnostics.error(
                            at: pair.value.location,
                            "the value '\(value.value)' has one text, but the values before it have parts",
                            hint: "give every value of the input the same parts, or one text each")
                    }
                    allowed.append(value.value)
                    expansions[value.value] = expansion.value
                }
            } else {
                for item in valuesNode.list(
                    "a list or mapping of the values the input takes",
                    diagnostics: &diagnostics) ?? []
                {
                    if let value = item.text("a value", diagnostics: &diagnostics) { allowed.append(value.value) }
                }
            }
        }
        if let defaultValue, !allowed.isEmpty, !allowed.contains(defaultValue.value) {
            diagnostics.error(
                at: defaultValue.location,
                "the default '\(defaultValue.value)' is not one of the input's values",
                hint: "add it to 'values:' or pick one of \(MappingReader.list(allowed.map { "'\($0)'" }))")
        }
        if let defaultValue, required?.value == true {
            diagnostics.error(
                at: defaultValue.location, "a required input cannot have a default",
                hint: "remove 'required: true' or the default")
        }
        guard let name, let description else { return nil }
        return PresetInput(
            name: name.value, description: description.value, example: example?.value ?? "",
            required: defaultValue == nil ? (required?.value ?? true) : false,
            defaultValue: defaultValue?.value, allowedValues: allowed, expansions: expansions, parts: parts)
    }

    private static func decodeSPF(
        _ node: YAMLNode, known: Set<String>, inputs: [PresetInput], diagnostics: inout Diagnostics
    )
        -> (PresetSPF, PresetDefinition.RecordTemplates)?
    {
        guard let map = MappingReader(node, what: "preset's spf", keys: spfKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let include = map.required(
            "include", diagnostics: &diagnostics,
            hint: "name the domain of the service's SPF record, like 'include: qcloudmail.com'")?
            .string("the domain to include", diagnostics: &diagnostics)
        let name = map["name"]?.string("a name relative to the sender domain", diagnostics: &diagnostics)
        let all = map["suggested_all"]?.oneOf(SPFAll.self, what: "SPF 'all' term", diagnostics: &diagnostics)
        let unconfirmed = map["unconfirmed"].map { decodeUnconfirmed($0, inputs: inputs, diagnostics: &diagnostics) }
        let source = map["source"]?.string("where the value comes from", diagnostics: &diagnostics)
        guard let include else { return nil }
        let includeTemplate = template(include, what: "the SPF include", known: known, diagnostics: &diagnostics)
        if let includeTemplate {
            checkName(
                includeTemplate, at: include.location, what: "the SPF include", relative: false,
                diagnostics: &diagnostics)
        }
        let nameText = name ?? Located("@", at: node.location)
        let nameTemplate = template(nameText, what: "the SPF record's name", known: known, diagnostics: &diagnostics)
        if let nameTemplate {
            checkName(
                nameTemplate, at: nameText.location, what: "the SPF record's name", relative: true,
                diagnostics: &diagnostics)
        }
        guard let includeTemplate, let nameTemplate else { return nil }
        var spf = PresetSPF(
            include: include.value, name: nameText.value, suggestedAll: all?.value.rawValue ?? "~all",
            unconfirmed: unconfirmed?.always ?? false, source: source?.value)
        spf.unconfirmedWhen = unconfirmed?.when ?? [:]
        return (spf, PresetDefinition.RecordTemplates(name: nameTemplate, value: includeTemplate))
    }

    private static func decodeRecord(
        _ node: YAMLNode, known: Set<String>, inputs: [PresetInput],
        diagnostics: inout Diagnostics
    )
        -> (PresetRecord, PresetDefinition.RecordTemplates)?
    {
        guard let map = MappingReader(node, what: "preset record", keys: recordKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let name = map.required("name", diagnostics: &diagnostics)?
            .string("a name relative to the sender domain", diagnostics: &diagnostics)
        let typeNode = map.required("type", diagnostics: &diagnostics)
        var type: Located<String>?
        if let typeText = typeNode?.string("a record type", diagnostics: &diagnostics) {
            if recordTypes.contains(typeText.value) {
                type = typeText
            } else {
                let upper = typeText.value.uppercased()
                diagnostics.error(
                    at: typeText.location, "a preset record cannot have type '\(typeText.value)'",
                    hint: recordTypes.contains(upper)
                        ? "write the type in capitals: '\(upper)'" : "use \(MappingReader.list(recordTypes))")
            }
        }
        let value = map.required("value", diagnostics: &diagnostics)?.string(
            "the record's value", diagnostics: &diagnostics)
        let purpose = map.required("purpose", diagnostics: &diagnostics)?
            .oneOf(RecordPurpose.self, what: "record purpose", diagnostics: &diagnostics)
        let optional = map["optional"]?.boolean(for: "optional", diagnostics: &diagnostics)
        let unconfirmed = map["unconfirmed"].map { decodeUnconfirmed($0, inputs: inputs, diagnostics: &diagnostics) }
        let note = map["note"]?.string("a note", diagnostics: &diagnostics)
        let source = map["source"]?.string("where the value comes from", diagnostics: &diagnostics)
        let exclusive = map["exclusive"]?.boolean(for: "exclusive", diagnostics: &diagnostics)
        if let exclusive, exclusive.value, let type = typeNode?.scalar?.text, type != "MX" {
            diagnostics.error(
                at: exclusive.location, "only an MX record can be exclusive",
                hint: "remove 'exclusive: true', or make the record an MX")
        }
        var when: [String: [String]] = [:]
        if let whenNode = map["when"] {
            when = decodeWhen(whenNode, inputs: inputs, diagnostics: &diagnostics)
        }

        var nameTemplate: Template?
        if let name {
            nameTemplate = template(name, what: "the record's name", known: known, diagnostics: &diagnostics)
            if let nameTemplate {
                checkName(
                    nameTemplate, at: name.location, what: "the record's name", relative: true,
                    diagnostics: &diagnostics)
            }
        }
        var valueTemplate: Template?
        if let value, value.checkSingleLine(what: "the record's value", diagnostics: &diagnostics) {
            valueTemplate = template(value, what: "the record's value", known: known, diagnostics: &diagnostics)
            if let type, let valueTemplate {
                checkValue(valueTemplate, type: type.value, at: value.location, diagnostics: &diagnostics)
            }
        }
        guard let name, let type, let value, let purpose, let nameTemplate, let valueTemplate else { return nil }
        var record = PresetRecord(
            name: name.value, type: type.value, value: value.value, purpose: purpose.value,
            optional: optional?.value ?? false, unconfirmed: unconfirmed?.always ?? false,
            note: note?.value, source: source?.value, when: when)
        record.unconfirmedWhen = unconfirmed?.when ?? [:]
        record.exclusive = exclusive?.value ?? false
        let templates = PresetDefinition.RecordTemplates(name: nameTemplate, value: valueTemplate)
        if !record.optional {
            for input in templates.inputs {
                if let declared = inputs.first(where: { $0.name == input }), !declared.required,
                    declared.defaultValue == nil
                {
                    diagnostics.error(
                        at: node.location,
                        "the record uses the input '\(input)', which is not required, but the record is not optional",
                        hint: "mark the record 'optional: true', or the input 'required: true'")
                }
            }
        }
        return (record, templates)
    }

    /// `unconfirmed: true`, or `unconfirmed: { region: [ap-southeast-1] }` when the value is
    /// unconfirmed only in some variants (a region whose hosts no official page gives).
    private static func decodeUnconfirmed(_ node: YAMLNode, inputs: [PresetInput], diagnostics: inout Diagnostics)
        -> (always: Bool, when: [String: [String]])
    {
        if case .mapping = node.content {
            return (false, decodeWhen(node, inputs: inputs, key: "unconfirmed", diagnostics: &diagnostics))
        }
        return (node.boolean(for: "unconfirmed", diagnostics: &diagnostics)?.value ?? false, [:])
    }

    /// `when: { INPUT: VALUE }` or `{ INPUT: [VALUE, ...] }`: the variant a record belongs to. The
    /// input must have a fixed set of values, and each value must be one of them, so a misspelt
    /// mode cannot silently leave a record out of every variant.
    private static func decodeWhen(
        _ node: YAMLNode, inputs: [PresetInput], key: String = "when", diagnostics: inout Diagnostics
    )
        -> [String: [String]]
    {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.error(
                at: node.location, "expected a mapping of input names to values for '\(key)'",
                hint: "write 'when: { mode: automatic-sender-security }'")
            return [:]
        }
        var when: [String: [String]] = [:]
        for pair in pairs {
            guard let name = pair.key.string("an input name", diagnostics: &diagnostics) else { continue }
            guard let input = inputs.first(where: { $0.name == name.value }) else {
                let suggestion = Suggestion.didYouMean(name.value, in: inputs.map(\.name))
                diagnostics.error(
                    at: name.location,
                    "'\(key)' names '\(name.value)', but the preset declares no input '\(name.value)'\(suggestion)")
                continue
            }
            guard !input.allowedValues.isEmpty else {
                diagnostics.error(
                    at: name.location, "'\(key)' names the input '\(input.name)', which has no 'values:'",
                    hint: "give the input a list of values, and a default or 'required: true'")
                continue
            }
            var items: [YAMLNode] = [pair.value]
            if case .sequence(let list) = pair.value.content { items = list }
            var accepted: [String] = []
            for item in items {
                guard let value = item.text("a value of '\(input.name)'", diagnostics: &diagnostics) else { continue }
                guard input.allowedValues.contains(value.value) else {
                    let suggestion = Suggestion.didYouMean(value.value, in: input.allowedValues)
                    diagnostics.error(
                        at: value.location, "the input '\(input.name)' cannot be '\(value.value)'\(suggestion)",
                        hint: "its values are \(MappingReader.list(input.allowedValues.map { "'\($0)'" }))")
                    continue
                }
                accepted.append(value.value)
            }
            when[input.name] = accepted
        }
        return when
    }

    // MARK: - Template checks

    /// Parses a template and checks that it names only known placeholders.
    private static func template(
        _ text: Located<String>, what: String, known: Set<String>,
        diagnostics: inout Diagnostics
    ) -> Template? {
        let template: Template
        do {
            template = try Template(parsing: text.value)
        } catch {
            diagnostics.error(at: text.location, "in \(what): \(error)")
            return nil
        }
        var ok = true
        for name in template.placeholders where !known.contains(name) {
            ok = false
            let suggestion = Suggestion.didYouMean(name, in: known) { "'${\($0)}'" }
            diagnostics.error(
                at: text.location,
                "\(what) uses '${\(name)}', but the preset declares no input '\(name)'\(suggestion)",
                hint: suggestion.isEmpty ? "declare it under 'inputs:', or use ${domain} or ${domain_dashed}" : nil)
        }
        return ok ? template : nil
    }

    /// A name template, with placeholders standing for one label, must be `@` or a valid name:
    /// relative (no trailing dot) for record names, any for the SPF include domain.
    private static func checkName(
        _ template: Template, at location: YAMLLocation, what: String, relative: Bool,
        diagnostics: inout Diagnostics
    ) {
        let sample = template.parts.map {
            switch $0 {
            case .literal(let text): return text
            case .placeholder: return "x"
            }
        }.joined()
        if relative && sample == "@" { return }
        if relative && sample.hasSuffix(".") {
            diagnostics.error(
                at: location, "\(what) '\(sample)' must be relative to the sender domain",
                hint: "remove the trailing dot; '@' is the sender domain itself, '_dmarc' the name below it")
            return
        }
        if let problem = DeclaredName.problem(in: sample) {
            diagnostics.error(at: location, "\(what) is not a valid DNS name: \(problem)")
        }
    }

    /// Light checks of a value's shape: MX is `PREFERENCE TARGET.`, MX and CNAME targets absolute.
    private static func checkValue(
        _ template: Template, type: String, at location: YAMLLocation,
        diagnostics: inout Diagnostics
    ) {
        guard type == "MX" || type == "CNAME" else { return }
        if type == "MX" {
            guard case .literal(let first) = template.parts.first,
                let space = first.firstIndex(of: " "), UInt16(first[..<space]) != nil
            else {
                diagnostics.error(
                    at: location, "an MX value must start with a preference number, like '10 mx.example.net.'")
                return
            }
        }
        guard case .literal(let last) = template.parts.last, last.hasSuffix(".") else {
            diagnostics.error(
                at: location, "the \(type) target must be absolute: end it with '.'",
                hint: "without the dot, the zone would read it relative to its origin")
            return
        }
    }
}
