/// A message printed the way `dig` lays it out, for logs, debugging and golden test files.
extension DNSMessage: CustomStringConvertible {
    public var description: String {
        var flags: [String] = []
        if header.isResponse { flags.append("qr") }
        if header.isAuthoritative { flags.append("aa") }
        if header.isTruncated { flags.append("tc") }
        if header.recursionDesired { flags.append("rd") }
        if header.recursionAvailable { flags.append("ra") }
        if header.authenticData { flags.append("ad") }
        if header.checkingDisabled { flags.append("cd") }
        var lines = [";; id \(header.id), opcode \(header.opcode), \(rcode), flags: \(flags.joined(separator: " "))"]
        if let edns {
            lines.append(
                ";; EDNS version \(edns.version), udp \(edns.udpPayloadSize)"
                    + (edns.dnssecOK ? ", do" : "") + (edns.options.isEmpty ? "" : ", \(edns.options.count) options"))
        }
        let sections: [(String, [String])] = [
            ("QUESTION", questions.map(\.description)), ("ANSWER", answers.map(\.description)),
            ("AUTHORITY", authority.map(\.description)), ("ADDITIONAL", additional.map(\.description)),
        ]
        for (title, records) in sections where !records.isEmpty {
            lines.append(";; \(title)")
            lines.append(contentsOf: records)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
