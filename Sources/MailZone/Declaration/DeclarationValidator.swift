import MailAuth

/// Checks that need several parts of the declaration at once: duplicate zones and
/// senders, each sender's zone, each service's preset and inputs.
struct DeclarationValidator {
    let catalog: PresetCatalog
    /// User presets that failed to decode (reported); services naming them are skipped.
    var brokenPresetNames: Set<String> = []

    func validateZones(_ zones: [ZoneDeclaration], diagnostics: inout Diagnostics) {
        // The line of each zone's first declaration (not the whole zone, copied for each), with room made
        // for every zone at once (a hosting provider's declaration has thousands).
        var seen: [DeclaredName: Int] = [:]
        seen.reserveCapacity(zones.count)
        for index in zones.indices {
            let origin = zones[index].origin
            if let firstLine = seen[origin.value] {
                diagnostics.error(
                    at: origin.location, "the zone \(origin.value) is declared twice",
                    hint: "the first is at line \(firstLine); remove one")
            } else {
                seen[origin.value] = origin.location.line
            }
        }
    }

    /// `senderZones` is each sender's zone (a position in `zones`), nil when in none.
    func validateSenders(
        _ senders: [SenderDeclaration], zones: [ZoneDeclaration], senderZones: [Int?],
        diagnostics: inout Diagnostics
    ) {
        // The line of each sender's first declaration (not the whole sender, copied for each), with room made for
        // every sender at once.
        var seen: [DeclaredName: Int] = [:]
        seen.reserveCapacity(senders.count)
        // The zones named when a sender is in none of them, worded at the first such sender (most
        // declarations have none).
        var shownOrigins: String?
        // What each preset asks of its services, worked out at its first service.
        var presetChecks: [String: PresetChecks?] = [:]
        // Each sender read in place (a declaration may hold thousands), not copied out of the list.
        for (sender, zone) in zip(senders.indices, senderZones) {
            let domain = senders[sender].domain
            if let firstLine = seen[domain.value] {
                diagnostics.error(
                    at: domain.location, "the sender \(domain.value.text) is declared twice",
                    hint: "the first is at line \(firstLine); list all its services under one sender")
            } else {
                seen[domain.value] = domain.location.line
            }
            if !zones.isEmpty && zone == nil {
                let shown = shownOrigins ?? Self.shownOrigins(zones)
                shownOrigins = shown
                diagnostics.error(
                    at: domain.location,
                    "the sender \(domain.value.text) is in none of the declared zones (\(shown))",
                    hint: "add a zone whose origin is \(domain.value.absolute) or a parent of it under 'zones:'")
            }
            let services = senders[sender].services
            // A sender has a few services: each is looked for among those before it, without a table per sender.
            var presets: [String: ServiceUse]? = services.count > Self.serviceScanLimit ? [:] : nil
            for index in services.indices {
                let service = services[index]
                let first: ServiceUse?
                if let presets {
                    first = presets[service.preset.value]
                } else {
                    first = services[..<index].first { $0.preset.value == service.preset.value }
                }
                if let first {
                    diagnostics.error(
                        at: service.preset.location,
                        "the service '\(service.preset.value)' is listed twice for \(domain.value.text)",
                        hint: "the first is at line \(first.preset.location.line); give all its inputs there")
                    continue
                }
                presets?[service.preset.value] = service
                validate(
                    service, senderAbsent: senders[sender].isAbsent, checks: &presetChecks, diagnostics: &diagnostics)
            }
        }
    }

    /// The zones' origins, each once, as a message names them: a few, so that thousands of senders in no
    /// zone do not make thousands of messages each listing thousands of zones.
    private static func shownOrigins(_ zones: [ZoneDeclaration]) -> String {
        var seenOrigins = Set<DeclaredName>()
        let allOrigins = zones.map(\.origin.value).filter { seenOrigins.insert($0).inserted }.map(\.absolute)
        return allOrigins.count <= 6
            ? MappingReader.list(allOrigins)
            : allOrigins.prefix(5).joined(separator: ", ") + " and \(allOrigins.count - 5) more"
    }

    /// Senders with more services than this find a repeated service with a dictionary instead of a scan.
    private static let serviceScanLimit = 16

    /// Checks `service` against its preset, whose checks are looked up in (or added to) `checks`.
    func validate(
        _ service: ServiceUse, senderAbsent: Bool = false, checks: inout [String: PresetChecks?],
        diagnostics: inout Diagnostics
    ) {
        if brokenPresetNames.contains(service.preset.value) { return }
        // A Domain Connect template's params were checked against its variables when it was read.
        if service.domainConnect != nil { return }
        let found: PresetChecks?
        if let known = checks[service.preset.value] {
            found = known
        } else {
            found = catalog.preset(named: service.preset.value).map(PresetChecks.init)
            checks[service.preset.value] = found
        }
        guard let found else {
            validate(service, senderAbsent: senderAbsent, diagnostics: &diagnostics)
            return
        }
        validate(service, senderAbsent: senderAbsent, checks: found, diagnostics: &diagnostics)
    }

    /// Checks `service` against its preset, reading everything from the preset itself: the general
    /// reading, which `PresetChecks` stands for (and which reports an unknown preset).
    func validate(_ service: ServiceUse, senderAbsent: Bool = false, diagnostics: inout Diagnostics) {
        if brokenPresetNames.contains(service.preset.value) { return }
        // A Domain Connect template's params were checked against its variables when it was read.
        if service.domainConnect != nil { return }
        guard let definition = catalog.preset(named: service.preset.value) else {
            let suggestion = Suggestion.didYouMean(
                any: Suggestion.presetNames(near: service.preset.value, in: catalog.names))
            diagnostics.error(
                at: service.preset.location, "unknown preset '\(service.preset.value)'\(suggestion)",
                hint: suggestion.isEmpty
                    ? "run 'mailzone presets' to list the services, or declare your own under 'presets:'" : nil)
            return
        }
        let preset = definition.preset
        let listed = service.listedSelectors(of: definition)
        for input in service.inputs {
            if listed.contains(input) {
                checkListedSelector(input, diagnostics: &diagnostics)
                continue
            }
            let name = input.name.value
            guard let declaredInput = preset.inputs.first(where: { $0.name == name }) else {
                reportUnknown(input: name, at: input.name.location, preset: preset, diagnostics: &diagnostics)
                continue
            }
            check(
                input, of: preset, declared: declaredInput,
                isKey: name.hasPrefix("dkim.") && Self.usedOnlyInTXT(declaredInput.name, definition),
                diagnostics: &diagnostics)
        }
        reportMissing(
            definition.requiredInputs(given: definition.writtenValues(of: service)), of: service,
            senderAbsent: senderAbsent, listed: !listed.isEmpty, preset: preset, diagnostics: &diagnostics)
    }

    /// `validate(_:senderAbsent:diagnostics:)` with what depends only on the preset read from `checks`.
    private func validate(
        _ service: ServiceUse, senderAbsent: Bool, checks: PresetChecks, diagnostics: inout Diagnostics
    ) {
        let preset = checks.definition.preset
        var listedAny = false
        for input in service.inputs {
            let name = input.name.value
            guard let declared = checks.inputs[name] else {
                // `listedSelectors(of:)`: an input under `dkim:` the preset does not declare, when it names selectors.
                if checks.definition.namesDKIMSelector && name.hasPrefix("dkim.") {
                    listedAny = true
                    checkListedSelector(input, diagnostics: &diagnostics)
                } else {
                    reportUnknown(input: name, at: input.name.location, preset: preset, diagnostics: &diagnostics)
                }
                continue
            }
            check(input, of: preset, declared: declared.input, isKey: declared.isKey, diagnostics: &diagnostics)
        }
        reportMissing(
            checks.requiredInputs(of: service), of: service, senderAbsent: senderAbsent, listed: listedAny,
            preset: preset, diagnostics: &diagnostics)
    }

    /// A selector listed under `dkim:` (a preset that names its selector): a valid label, and a key record.
    private func checkListedSelector(_ input: ServiceInput, diagnostics: inout Diagnostics) {
        let selector = String(input.name.value.dropFirst("dkim.".count))
        if let problem = DeclaredName.problem(in: selector + "._domainkey.example", allowUnderscore: true) {
            diagnostics.error(
                at: input.name.location, "'\(selector)' is not a DKIM selector: \(problem)",
                hint: "write the selector the service shows, the label before ._domainkey")
            return
        }
        checkDKIM(input, diagnostics: &diagnostics)
    }

    /// An input the preset declares: one of its allowed values, and a key record when it is a DKIM key (`isKey`).
    private func check(
        _ input: ServiceInput, of preset: ServicePreset, declared: PresetInput, isKey: Bool,
        diagnostics: inout Diagnostics
    ) {
        let name = input.name.value
        if !declared.allowedValues.isEmpty && !declared.allowedValues.contains(input.value.value) {
            let suggestion = Suggestion.didYouMean(input.value.value, in: declared.allowedValues)
            diagnostics.error(
                at: input.value.location,
                "the \(preset.name) input '\(name)' cannot be '\(input.value.value)'\(suggestion)",
                hint: "its values are \(MappingReader.list(declared.allowedValues.map { "'\($0)'" }))")
            return
        }
        if isKey { checkDKIM(input, diagnostics: &diagnostics) }
    }

    /// Reports each of `required` the service does not give. `listed`: the service lists selectors under `dkim:`.
    private func reportMissing(
        _ required: [PresetInput], of service: ServiceUse, senderAbsent: Bool, listed: Bool, preset: ServicePreset,
        diagnostics: inout Diagnostics
    ) {
        // An absent service is declared only so that its records go: it needs no inputs.
        // Selectors listed under `dkim:` stand for the selector input and its key.
        let filled = listed ? [PresetDefinition.selectorInput, PresetDefinition.keyInput] : []
        for input in required
        where !service.isAbsent && !senderAbsent && service.input(input.name) == nil
            && !service.rejectedInputs.contains(input.name)
            && !filled.contains(input.name)
        {
            let isDKIM = input.name.hasPrefix("dkim.")
            let key = isDKIM ? String(input.name.dropFirst("dkim.".count)) : input.name
            let example = input.example.isEmpty ? "..." : input.example
            diagnostics.error(
                at: service.preset.location,
                "the service '\(preset.name)' needs the input '\(input.name)': \(input.description)",
                hint: isDKIM
                    ? "add 'dkim: { \(key): \"\(example)\" }' to the service"
                    : "add 'inputs: { \(key): \"\(example)\" }' to the service")
        }
    }

    private func reportUnknown(
        input name: String, at location: YAMLLocation, preset: ServicePreset,
        diagnostics: inout Diagnostics
    ) {
        let isDKIM = name.hasPrefix("dkim.")
        let candidates = preset.inputs.map(\.name).filter { $0.hasPrefix("dkim.") == isDKIM }
        let shown = { (candidate: String) in isDKIM ? String(candidate.dropFirst("dkim.".count)) : candidate }
        let word = shown(name)
        let suggestion = Suggestion.didYouMean(word, in: candidates.map(shown))
        let message =
            isDKIM
            ? "the preset '\(preset.name)' has no DKIM selector '\(word)'\(suggestion)"
            : "the preset '\(preset.name)' has no input '\(word)'\(suggestion)"
        var hint: String?
        if suggestion.isEmpty {
            let others = preset.inputs.map(\.name).filter { $0.hasPrefix("dkim.") != isDKIM }
            if !candidates.isEmpty {
                hint = "it takes \(MappingReader.list(candidates.map { "'\(shown($0))'" }))"
            } else if !others.isEmpty {
                let otherNames = MappingReader.list(
                    others.map { isDKIM ? "'\($0)'" : "'\($0.dropFirst("dkim.".count))'" })
                let plural = others.count == 1 ? "" : "s"
                hint =
                    isDKIM
                    ? "the preset takes no DKIM keys; its input\(plural) \(others.count == 1 ? "is" : "are") \(otherNames), under 'inputs:'"
                    : "the preset takes no inputs besides its DKIM key\(plural) \(otherNames), under 'dkim:'"
            } else {
                hint = "the preset takes no inputs"
            }
        }
        diagnostics.error(at: location, message, hint: hint)
    }

    /// True when every record naming the input is a TXT record (a key, not a CNAME target).
    static func usedOnlyInTXT(_ input: String, _ definition: PresetDefinition) -> Bool {
        let users = definition.preset.records.indices.filter { definition.recordTemplates[$0].inputs.contains(input) }
        return !users.isEmpty && users.allSatisfy { definition.preset.records[$0].type == "TXT" }
    }

    /// A light look at a DKIM key record: it must have a `p=` tag. MailAuth checks the rest.
    /// Whether a tag of a DKIM record, its leading white space (what `CharacterSet.whitespaces` holds:
    /// tab and Zs) dropped, starts with `p=`. An ASCII value (every pasted key seen) is read as octets,
    /// where the only such blanks are space and tab; others by Unicode scalars (`hasKeyTagByScalars`).
    static func hasKeyTag(_ value: String) -> Bool {
        let found = value.utf8.withContiguousStorageIfAvailable { octets -> Bool? in
            guard octets.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Each tag's start: after a `;`, blanks skipped.
            var atTagStart = true
            for (index, octet) in octets.enumerated() {
                if octet == UInt8(ascii: ";") {
                    atTagStart = true
                } else if atTagStart, octet != 0x20, octet != 0x09 {
                    if octet == UInt8(ascii: "p"), index + 1 < octets.count, octets[index + 1] == UInt8(ascii: "=") {
                        return true
                    }
                    atTagStart = false
                }
            }
            return false
        }
        return (found ?? nil) ?? hasKeyTagByScalars(value)
    }

    /// `hasKeyTag` for any text: tags split by character, blanks told by their Unicode category.
    static func hasKeyTagByScalars(_ value: String) -> Bool {
        value.split(separator: ";").contains { tag in
            Substring(tag.unicodeScalars.drop { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator })
                .hasPrefix("p=")
        }
    }

    private func checkDKIM(_ input: ServiceInput, diagnostics: inout Diagnostics) {
        guard !Self.hasKeyTag(input.value.value) else { return }
        let selector = input.name.value.dropFirst("dkim.".count)
        diagnostics.error(
            at: input.value.location,
            "the DKIM key for selector '\(selector)' does not look like a DKIM record: it has no 'p=' tag",
            hint: "paste the whole record value from the service's console, like 'v=DKIM1; k=rsa; p=MIIB...'")
    }
}
