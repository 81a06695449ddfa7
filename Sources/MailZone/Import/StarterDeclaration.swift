/// The mailzone.yaml that `mailzone init` writes: the zones it was given, the senders and
/// services found in them, and, as comments, what it found but could not attribute.
///
/// Written as text (not through a YAML library) so the file reads as a person would write it:
/// keys in the order docs/DECLARATION.md gives them, values quoted only where YAML needs it,
/// comments where they help. `DeclarationImport` loads the text back with the real loader before
/// it is written, so nothing here can produce a file mailzone refuses.
struct StarterDeclaration {
    struct Zone {
        var origin: String
        /// Relative to the declaration's directory.
        var file: String
    }

    struct Service {
        var preset: String
        var inputs: [(name: String, value: String)]
    }

    struct Sender {
        var domain: String
        var services: [Service]
        /// Services whose MX are left out (`mx: keep-existing`, `mx_not_added:`).
        var mxNotAdded: [String]
    }

    /// The `$schema` path of the first line, relative to the declaration.
    var schema: String?
    var zones: [Zone]
    var senders: [Sender]
    /// Lines of the closing comment block (without `# `), in order.
    var unattributed: [String]

    /// Where each service's block is in the text: 1-based lines, inclusive, and its sender and service.
    struct ServiceLines {
        var lines: ClosedRange<Int>
        var sender: Int
        var service: Int
    }

    /// The text, and where each service is in it.
    func render() -> (text: String, services: [ServiceLines]) {
        var lines: [String] = []
        var map: [ServiceLines] = []
        if let schema { lines.append("# yaml-language-server: $schema=\(schema)") }
        lines.append("# Written by `mailzone init` from the zone files below and the email services found in them;")
        lines.append(
            "# `mailzone plan` shows no change until you edit it. Keys: docs/DECLARATION.md; services: `mailzone presets`."
        )
        lines.append("version: 1")
        lines.append("zones:")
        for zone in zones {
            lines.append("  - origin: \(Self.scalar(zone.origin))")
            lines.append("    file: \(Self.scalar(zone.file))")
        }
        if senders.isEmpty {
            lines.append(
                "senders: []   # none found in the zones: add yours (`mailzone presets NAME` shows what each needs)")
        } else {
            lines.append("senders:")
        }
        for (senderIndex, sender) in senders.enumerated() {
            lines.append("  - domain: \(Self.scalar(sender.domain))")
            if !sender.mxNotAdded.isEmpty {
                lines.append("    mx: keep-existing   # the name's own MX stay; these services' MX are not added:")
                lines.append("    mx_not_added: [\(sender.mxNotAdded.map(Self.scalar).joined(separator: ", "))]")
            }
            lines.append("    services:")
            for (serviceIndex, service) in sender.services.enumerated() {
                let start = lines.count + 1
                lines.append("      - preset: \(Self.scalar(service.preset))")
                let dkim = service.inputs.filter { $0.name.hasPrefix("dkim.") }
                let others = service.inputs.filter { !$0.name.hasPrefix("dkim.") }
                if !dkim.isEmpty {
                    lines.append("        dkim:")
                    for input in dkim {
                        lines.append(
                            "          \(Self.scalar(String(input.name.dropFirst(5)))): \(Self.quoted(input.value))")
                    }
                }
                if !others.isEmpty {
                    lines.append("        inputs:")
                    for input in others {
                        lines.append("          \(Self.scalar(input.name)): \(Self.scalar(input.value))")
                    }
                }
                map.append(ServiceLines(lines: start...lines.count, sender: senderIndex, service: serviceIndex))
            }
        }
        if !unattributed.isEmpty {
            lines.append("")
            lines.append(
                "# Found in the zones but not attributed to a service; mailzone leaves these records as they are.")
            lines.append("# Decide for each: declare the service it belongs to (`mailzone presets`; your own under")
            lines.append("# `presets:`), or leave it.")
            lines += unattributed.map { "#   " + $0 }
        }
        return (lines.joined(separator: "\n") + "\n", map)
    }

    /// `text` as a plain YAML scalar when it is one (names, paths), else double-quoted.
    static func scalar(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-/".unicodeScalars.contains($0)
            } && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && !text.hasPrefix("-") && Double(text) == nil
        return plain ? text : quoted(text)
    }

    /// `text` double-quoted, `"` and `\` escaped (values are checked free of control characters first).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
