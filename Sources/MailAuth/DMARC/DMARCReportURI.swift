/// One `rua`/`ruf` entry: a URI with an optional maximum report size
/// (`dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]`, RFC 7489 §6.4).
public struct DMARCReportURI: Sendable, Hashable {
    /// The URI without the size: `mailto:dmarc@example.com`.
    public var uri: String
    /// The size limit as written after `!`: `10m`; nil when absent.
    public var sizeLimit: String?

    /// The entry as written in the record.
    public var text: String {
        sizeLimit.map { "\(uri)!\($0)" } ?? uri
    }

    /// The host that receives reports: the domain of a `mailto:` address, the host of an
    /// `http(s):` URI; nil for other schemes.
    public var host: String? {
        let lower = uri.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = uri.dropFirst("mailto:".count)
            guard let at = address.lastIndex(of: "@") else { return nil }
            let domain = address[address.index(after: at)...].prefix { $0 != "?" }
            return domain.isEmpty ? nil : domain.lowercased()
        }
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let authority = uri.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let host = authority.split(separator: "@").last?.split(separator: ":").first
            return host.map { $0.lowercased() }
        }
        return nil
    }

    /// Two entries name the same destination when their URIs match, case aside, whatever
    /// their size limits.
    var destinationKey: String { uri.lowercased() }

    /// Why an entry is not a report URI.
    struct Invalid: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Reads one entry, or returns why it is not one.
    static func parse(_ text: String) -> Result<DMARCReportURI, Invalid> {
        var uri = Substring(text)
        var size: String?
        if let bang = text.lastIndex(of: "!") {
            let limit = text[text.index(after: bang)...]
            let digits = limit.prefix { $0.isASCII && $0.isNumber }
            let unit = limit.dropFirst(digits.count)
            guard !digits.isEmpty, unit.isEmpty || (unit.count == 1 && "kmgtKMGT".contains(unit)) else {
                return .failure(Invalid("size limit \"!\(limit)\" must be digits with an optional k, m, g or t"))
            }
            size = String(limit)
            uri = text[..<bang]
        }
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and something.
        guard let colon = uri.firstIndex(of: ":"), let first = uri.first, first.isASCII, first.isLetter,
            uri[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
            uri.index(after: colon) < uri.endIndex
        else {
            return .failure(Invalid("\"\(uri)\" is not a URI (write mailto:address)"))
        }
        guard uri.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != ";" && $0 != "," }) else {
            return .failure(Invalid("\"\(uri)\" contains characters a URI cannot hold"))
        }
        let entry = DMARCReportURI(uri: String(uri), sizeLimit: size)
        if uri.lowercased().hasPrefix("mailto:") {
            let address = uri.dropFirst("mailto:".count)
            guard let at = address.firstIndex(of: "@"), at != address.startIndex, entry.host != nil else {
                return .failure(Invalid("\"\(uri)\" has no mail address (write mailto:name@example.com)"))
            }
        }
        return .success(entry)
    }
}
