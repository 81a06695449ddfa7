/// Checks a parsed template against the rules of the Domain Connect template schema
/// (`template.schema` in the spec and template repositories) and the spec's text, and decodes it.
///
/// Every problem is reported at its line and column with what to do, all at once. Beyond the
/// schema, which lets unknown keys and record types through, mailzone refuses what it would
/// otherwise silently ignore: an unknown key (a misspelt `pointsTo` would drop the value), a
/// record type it does not plan (a web redirect is no DNS record), and the spec's "MUST NOT"s.
enum DomainConnectSchema {
    /// Template keys: the schema's properties.
    static let templateKeys = [
        "providerId", "providerName", "serviceId", "serviceName", "version", "logoUrl", "description",
        "variableDescription", "syncBlock", "shared", "sharedProviderName", "sharedServiceName",
        "syncRedirectDomain", "syncPubKeyDomain", "multiInstance", "warnPhishing", "hostRequired", "records",
    ]
    static let requiredTemplateKeys = ["providerId", "providerName", "serviceId", "serviceName", "records"]
    static let stringKeys = [
        "providerId", "providerName", "serviceId", "serviceName", "logoUrl", "description", "variableDescription",
        "syncRedirectDomain", "syncPubKeyDomain",
    ]
    static let booleanKeys = [
        "syncBlock", "shared", "sharedProviderName", "sharedServiceName", "multiInstance", "warnPhishing",
        "hostRequired",
    ]

    /// Each record type's keys (the schema's properties, `groupId` and `essential` for all) and the
    /// ones it requires. SPFM may carry a `ttl` (the spec's own examples do); it is ignored.
    static let recordKeys: [DomainConnectRecord.Kind: (keys: [String], required: [String])] = [
        .a: (["host", "pointsTo", "ttl"], ["host", "pointsTo", "ttl"]),
        .aaaa: (["host", "pointsTo", "ttl"], ["host", "pointsTo", "ttl"]),
        .cname: (["host", "pointsTo", "ttl"], ["host", "pointsTo", "ttl"]),
        .ns: (["host", "pointsTo", "ttl"], ["host", "pointsTo", "ttl"]),
        .txt: (
            ["host", "data", "ttl", "txtConflictMatchingMode", "txtConflictMatchingPrefix"], ["host", "data", "ttl"]
        ),
        .mx: (["host", "pointsTo", "priority", "ttl"], ["host", "pointsTo", "priority", "ttl"]),
        .spfm: (["host", "spfRules", "ttl"], ["host", "spfRules"]),
        .srv: (
            ["name", "target", "priority", "protocol", "service", "weight", "port", "ttl"],
            ["name", "target", "priority", "protocol", "service", "weight", "port", "ttl"]
        ),
    ]
    static let commonRecordKeys = ["type", "groupId", "essential"]

    /// Record types the spec or the schema names that mailzone refuses, with why.
    static let refusedTypes: [String: String] = [
        "REDIR301": "a web redirect service of a DNS provider, not a DNS record",
        "REDIR302": "a web redirect service of a DNS provider, not a DNS record",
        "APEXCNAME": "a DNS provider's CNAME flattening at the apex, not a DNS record a zone file can hold",
        "NS1": "a name server change at the registrar, outside the zone file",
        "NS2": "a name server change at the registrar, outside the zone file",
        "DS": "a DNSSEC delegation record that only the registrar can publish",
        "SPF": "the SPF record type is obsolete (RFC 7208 §3.1); templates ask for SPF with SPFM",
    ]

    static func decode(_ root: JSONValue, diagnostics: inout Diagnostics) -> DomainConnectTemplate? {
        let before = diagnostics.errors.count
        guard case .object(let members) = root.content else {
            diagnostics.error(
                at: root.location, "a Domain Connect template is a JSON object, found \(root.kindDescription)",
                hint: "start the file with { \"providerId\": …, \"serviceId\": …, \"records\": [ … ] }")
            return nil
        }
        let object = JSONObject(members)
        checkKeys(object, allowed: templateKeys, what: "template", diagnostics: &diagnostics)
        for key in requiredTemplateKeys where object[key] == nil {
            diagnostics.error(
                at: root.location, "the template has no \"\(key)\"",
                hint: "add \"\(key)\": the Domain Connect template schema requires "
                    + MappingReader.list(requiredTemplateKeys.map { "\"\($0)\"" }))
        }
        var strings: [String: String] = [:]
        for key in stringKeys {
            if let value = object[key] { strings[key] = string(value, key: key, diagnostics: &diagnostics) }
        }
        var flags: [String: Bool] = [:]
        for key in booleanKeys {
            guard let value = object[key] else { continue }
            if case .bool(let flag) = value.content {
                flags[key] = flag
            } else {
                diagnostics.error(
                    at: value.location, "\"\(key)\" must be true or false, found \(value.kindDescription)",
                    hint: value.string.flatMap { ["true", "false"].contains($0) ? "write \($0) without quotes" : nil })
            }
        }
        if let version = object["version"] {
            if case .number(let text) = version.content, Int(text) != nil {
            } else {
                diagnostics.error(
                    at: version.location, "\"version\" must be an integer, found \(version.kindDescription)",
                    hint: version.string.flatMap { Int($0) != nil ? "write \($0) without quotes" : nil })
            }
        }
        for key in ["providerId", "serviceId"] {
            if let value = object[key], let text = strings[key], text.isEmpty || text.contains(" ") {
                diagnostics.error(
                    at: value.location, "\"\(key)\" '\(text)' must be a non-empty identifier without spaces",
                    hint: key == "providerId" ? "use the service's domain name, like \"example.net\"" : nil)
            }
        }

        var records: [DomainConnectRecord] = []
        if let list = object["records"] {
            if case .array(let items) = list.content {
                if items.isEmpty {
                    diagnostics.error(
                        at: list.location, "the template has no records", hint: "list the records under \"records\"")
                }
                for item in items {
                    if let record = decodeRecord(item, diagnostics: &diagnostics) { records.append(record) }
                }
            } else {
                diagnostics.error(
                    at: list.location, "\"records\" must be an array of records, found \(list.kindDescription)")
            }
        }
        let hostRequired = flags["hostRequired"] ?? false
        // The schema's anyOf: a CNAME or NS at the applied host itself needs hostRequired.
        if !hostRequired {
            for record in records where record.kind == .cname || record.kind == .ns {
                let host = record.host.text.text
                if host.isEmpty || host == "@" {
                    diagnostics.error(
                        at: record.host.location,
                        "a \(record.kind.rawValue) record at the applied host ('\(host)') needs \"hostRequired\": true",
                        hint: "a \(record.kind.rawValue) cannot share its name with other records, nor stand at a "
                            + "zone's apex; the schema allows it only in a template that is applied to a host")
                }
            }
        }
        guard diagnostics.errors.count == before, let providerId = strings["providerId"],
            let providerName = strings["providerName"], let serviceId = strings["serviceId"],
            let serviceName = strings["serviceName"]
        else { return nil }
        return DomainConnectTemplate(
            providerId: providerId, providerName: providerName, serviceId: serviceId, serviceName: serviceName,
            hostRequired: hostRequired, records: records, location: root.location)
    }

    // MARK: - Records

    private static func decodeRecord(_ node: JSONValue, diagnostics: inout Diagnostics) -> DomainConnectRecord? {
        guard case .object(let members) = node.content else {
            diagnostics.error(
                at: node.location, "a template record is a JSON object, found \(node.kindDescription)",
                hint: "write each record as { \"type\": \"TXT\", \"host\": \"@\", … }")
            return nil
        }
        let object = JSONObject(members)
        guard let typeNode = object["type"] else {
            diagnostics.error(
                at: node.location, "the record has no \"type\"",
                hint: "add \"type\": one of \(MappingReader.list(DomainConnectRecord.Kind.allCases.map(\.rawValue)))")
            return nil
        }
        guard let typeText = string(typeNode, key: "type", diagnostics: &diagnostics) else { return nil }
        guard let kind = DomainConnectRecord.Kind(rawValue: typeText) else {
            refuse(type: typeText, at: typeNode.location, diagnostics: &diagnostics)
            return nil
        }
        let before = diagnostics.errors.count
        guard let shape = recordKeys[kind] else { return nil }
        checkKeys(
            object, allowed: commonRecordKeys + shape.keys, what: "\(kind.rawValue) record",
            diagnostics: &diagnostics)
        for key in shape.required where object[key] == nil {
            diagnostics.error(
                at: node.location, "the \(kind.rawValue) record has no \"\(key)\"",
                hint: "add \"\(key)\": \(kind.withArticle) record needs "
                    + MappingReader.list(shape.required.map { "\"\($0)\"" }))
        }

        var groupId: String?
        if let value = object["groupId"], let text = string(value, key: "groupId", diagnostics: &diagnostics) {
            if text.contains("%") {
                diagnostics.error(
                    at: value.location, "\"groupId\" must not contain variables (Domain Connect spec, Group Id)")
            }
            groupId = text
        }
        var essential = DomainConnectRecord.Essential.always
        if let value = object["essential"], let text = string(value, key: "essential", diagnostics: &diagnostics) {
            if let known = DomainConnectRecord.Essential(anyCase: text) {
                essential = known
            } else {
                let names = DomainConnectRecord.Essential.allCases.map(\.rawValue)
                diagnostics.error(
                    at: value.location,
                    "\"essential\" cannot be '\(text)'\(Suggestion.didYouMean(text, in: names))",
                    hint: "the spec's values are \(MappingReader.list(names.map { "\"\($0)\"" }))")
            }
        }

        let hostKey = kind == .srv ? "name" : "host"
        let valueKey: String
        switch kind {
        case .txt: valueKey = "data"
        case .spfm: valueKey = "spfRules"
        case .srv: valueKey = "target"
        default: valueKey = "pointsTo"
        }
        let host = object[hostKey].flatMap { text($0, key: hostKey, diagnostics: &diagnostics) }
        let value = object[valueKey].flatMap { text($0, key: valueKey, diagnostics: &diagnostics) }
        let ttl = object["ttl"].flatMap { number($0, key: "ttl", diagnostics: &diagnostics) }
        let priority = object["priority"].flatMap { number($0, key: "priority", diagnostics: &diagnostics) }
        let weight = object["weight"].flatMap { number($0, key: "weight", diagnostics: &diagnostics) }
        let port = object["port"].flatMap { number($0, key: "port", diagnostics: &diagnostics) }
        let service = object["service"].flatMap { text($0, key: "service", diagnostics: &diagnostics) }
        let transport = object["protocol"].flatMap { text($0, key: "protocol", diagnostics: &diagnostics) }
        let conflict = txtConflict(object, diagnostics: &diagnostics)

        guard diagnostics.errors.count == before, let host, let value else { return nil }
        return DomainConnectRecord(
            kind: kind, location: node.location, groupId: groupId, essential: essential, host: host, value: value,
            priority: priority, weight: weight, port: port, service: service, transport: transport, ttl: ttl,
            txtConflict: conflict)
    }

    /// `txtConflictMatchingMode` `None`, `All` or `Prefix`, the last with its prefix (no variables).
    private static func txtConflict(_ object: JSONObject, diagnostics: inout Diagnostics) -> TXTConflictMatching {
        let modes = ["None", "All", "Prefix"]
        let prefixNode = object["txtConflictMatchingPrefix"]
        let prefix = prefixNode.flatMap { string($0, key: "txtConflictMatchingPrefix", diagnostics: &diagnostics) }
        if let prefixNode, let prefix, prefix.contains("%") {
            diagnostics.error(
                at: prefixNode.location,
                "\"txtConflictMatchingPrefix\" must not contain variables (Domain Connect spec, TXT Conflict Matching Prefix)"
            )
        }
        guard let modeNode = object["txtConflictMatchingMode"],
            let mode = string(modeNode, key: "txtConflictMatchingMode", diagnostics: &diagnostics)
        else {
            if let prefixNode {
                diagnostics.error(
                    at: prefixNode.location,
                    "\"txtConflictMatchingPrefix\" is used only with \"txtConflictMatchingMode\": \"Prefix\"",
                    hint: "add \"txtConflictMatchingMode\": \"Prefix\", or remove the prefix")
            }
            return .none
        }
        switch mode {
        case "None", "All":
            if let prefixNode {
                diagnostics.error(
                    at: prefixNode.location,
                    "\"txtConflictMatchingPrefix\" is used only with \"txtConflictMatchingMode\": \"Prefix\", not \"\(mode)\"",
                    hint: "remove the prefix, or set the mode to \"Prefix\"")
            }
            return mode == "All" ? .all : .none
        case "Prefix":
            guard let prefix, !prefix.isEmpty else {
                diagnostics.error(
                    at: modeNode.location,
                    "\"txtConflictMatchingMode\": \"Prefix\" needs a \"txtConflictMatchingPrefix\"",
                    hint:
                        "add the text the service's older records start with, like \"txtConflictMatchingPrefix\": \"v=DKIM1\""
                )
                return .none
            }
            return .prefix(prefix)
        default:
            diagnostics.error(
                at: modeNode.location,
                "\"txtConflictMatchingMode\" cannot be '\(mode)'\(Suggestion.didYouMean(mode, in: modes))",
                hint: "the spec's values are \"None\", \"All\" and \"Prefix\"")
            return .none
        }
    }

    private static func refuse(type: String, at location: YAMLLocation, diagnostics: inout Diagnostics) {
        let supported = DomainConnectRecord.Kind.allCases.map(\.rawValue)
        if let reason = refusedTypes[type] {
            diagnostics.error(
                at: location, "mailzone does not apply \(type) records from a template: \(reason)",
                hint: "remove the record from the template, or set it up by hand; mailzone takes "
                    + MappingReader.list(supported))
        } else if supported.contains(type.uppercased()) {
            diagnostics.error(
                at: location, "the record type '\(type)' must be written in capitals",
                hint: "write \"\(type.uppercased())\"")
        } else {
            diagnostics.error(
                at: location, "mailzone does not apply \(type) records from a template",
                hint: "mailzone plans mail records: it takes \(MappingReader.list(supported)); remove the record, "
                    + "or add it to the zone by hand")
        }
    }

    // MARK: - Values

    /// Reports the keys not in `allowed`, with the nearest allowed one.
    private static func checkKeys(
        _ object: JSONObject, allowed: [String], what: String, diagnostics: inout Diagnostics
    ) {
        for member in object.members where !allowed.contains(member.key.value) {
            let suggestion = Suggestion.didYouMean(member.key.value, in: allowed) { "\"\($0)\"" }
            diagnostics.error(
                at: member.key.location, "unknown key \"\(member.key.value)\" in the \(what)\(suggestion)",
                hint: suggestion.isEmpty
                    ? "the \(what) takes \(MappingReader.list(allowed.map { "\"\($0)\"" })); mailzone refuses "
                        + "keys it does not know rather than ignore them" : nil)
        }
    }

    private static func string(_ value: JSONValue, key: String, diagnostics: inout Diagnostics) -> String? {
        if let text = value.string { return text }
        var hint: String?
        if case .number(let number) = value.content { hint = "write it in quotes: \"\(number)\"" }
        diagnostics.error(at: value.location, "\"\(key)\" must be a string, found \(value.kindDescription)", hint: hint)
        return nil
    }

    /// A text field: a string on one line, its variables parsed.
    private static func text(_ value: JSONValue, key: String, diagnostics: inout Diagnostics)
        -> DomainConnectRecord.Field?
    {
        guard let text = string(value, key: key, diagnostics: &diagnostics) else { return nil }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            diagnostics.error(
                at: value.location, "\"\(key)\" contains a control character (a line break or tab)",
                hint: "a record field is one line of text")
            return nil
        }
        do {
            return DomainConnectRecord.Field(text: try DomainConnectText(parsing: text), location: value.location)
        } catch {
            diagnostics.error(at: value.location, "in \"\(key)\": \(error)")
            return nil
        }
    }

    /// A numeric field (the schema's `Number_or_NumberInString_or_Variable`): a non-negative integer,
    /// the same in a string, or a string that is one variable and nothing else (spec, TTL and Priority).
    private static func number(_ value: JSONValue, key: String, diagnostics: inout Diagnostics)
        -> DomainConnectRecord.Field?
    {
        let text: String
        switch value.content {
        case .number(let number): text = number
        case .string(let string): text = string
        default:
            diagnostics.error(
                at: value.location, "\"\(key)\" must be a number, found \(value.kindDescription)",
                hint: "write a number like 3600, or one variable in a string like \"%\(key)%\"")
            return nil
        }
        let parsed = try? DomainConnectText(parsing: text)
        if let parsed, parsed.isSingleVariable {
            return DomainConnectRecord.Field(text: parsed, location: value.location)
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            UInt32(text) != nil
        else {
            diagnostics.error(
                at: value.location,
                "\"\(key)\" must be a whole number from 0 to 4294967295, or one variable; found '\(text)'",
                hint: text.contains("%")
                    ? "a variable must be the whole value (\"%\(key)%\"), without a prefix or suffix (Domain Connect spec)"
                    : "write a number like 3600")
            return nil
        }
        return DomainConnectRecord.Field(text: DomainConnectText(literal: text), location: value.location)
    }
}

/// The members of a JSON object by key.
private struct JSONObject {
    let members: [JSONMember]

    init(_ members: [JSONMember]) { self.members = members }

    subscript(key: String) -> JSONValue? { members.first { $0.key.value == key }?.value }
}
