import Foundation
import Testing

@testable import ZoneFile

#if RDATA_ORACLE_TOOL
    /// Development aid, compiled only with `-Xswiftc -DRDATA_ORACLE_TOOL` (so the suite has no test
    /// that skips): reads `RDATA_ORACLE_IN`, a file of `TYPE rdata` lines, and writes
    /// `OK <presentation>` or `ERR <message>` per line to `RDATA_ORACLE_OUT`, for comparing with
    /// what `named-compilezone -s full` prints for the same records.
    @Test
    func rdataOracleDump() throws {
        let environment = ProcessInfo.processInfo.environment
        let input = try String(contentsOfFile: environment["RDATA_ORACLE_IN"] ?? "", encoding: .utf8)
        let origin = try DomainName(parsing: "example.")
        var output = ""
        for line in input.split(separator: "\n") where !line.isEmpty {
            let fields = RDataField.split(String(line))
            guard let typeField = fields.first, let type = RRType(mnemonic: typeField.text) else {
                output += "ERR bad type\n"
                continue
            }
            var wire: [UInt8] = []
            do {
                let rest = Array(fields.dropFirst())
                if rest.first?.text == "\\#" {
                    try RDataCodec.encodeGeneric(rest.dropFirst(), into: &wire)
                    try RDataCodec.validate(type, wire: wire)
                } else {
                    try RDataCodec.encode(type, fields: rest, origin: origin, into: &wire)
                }
                output +=
                    "OK   \(line)  =>  \(RDataCodec.present(type, wire: wire))\(environment["RDATA_ORACLE_HEX"] != nil ? "  HEX " + Hex.encode(wire) : "")\n"
            } catch {
                output += "ERR  \(line)  =>  \(error.message) [field \(error.field.map(String.init) ?? "-")]\n"
            }
        }
        try output.write(toFile: environment["RDATA_ORACLE_OUT"] ?? "/dev/stdout", atomically: false, encoding: .utf8)
    }
#endif
