import Foundation
import Testing

/// The BIND answers under `Fixtures/captured`, and their golden decodings.
///
/// Read from the source tree so the golden files can be re-recorded in place
/// (`MAILZONE_RECORD=1 swift test --filter DNSClientTests`).
enum CapturedMessages {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/captured")

    static let names = [
        "cname-chain", "mx-compressed", "nodata-aaaa", "nxdomain-soa", "refused-other-zone", "soa-apex",
        "txt-4096-tcp", "txt-4096-truncated-udp", "txt-dkim-2048-split",
    ]

    struct Capture {
        var query: [UInt8]
        var response: [UInt8]
    }

    /// Reads `NAME.hex`: `# query`, its hex, `# response`, its hex over several lines.
    static func load(_ name: String) throws -> Capture {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".hex"), encoding: .utf8)
        var query = ""
        var response = ""
        var section = ""
        for line in text.split(separator: "\n") {
            if line == "# query" || line == "# response" {
                section = String(line.dropFirst(2))
            } else if !line.hasPrefix("#") {
                if section == "query" { query += line } else if section == "response" { response += line }
            }
        }
        return Capture(query: try hex(query), response: try hex(response))
    }

    struct BadHex: Error {}

    static func hex(_ text: String) throws -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { throw BadHex() }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index...(index + 1)], as: UTF8.self), radix: 16) else {
                throw BadHex()
            }
            return byte
        }
    }

}
