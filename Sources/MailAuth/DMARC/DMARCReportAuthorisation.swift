/// A report address outside the DMARC domain's organisation, which receivers use only when
/// the address's domain publishes an authorisation record (RFC 7489 §7.1):
/// `DOMAIN._report._dmarc.HOST` TXT `v=DMARC1`.
public struct DMARCReportAuthorisation: MailAuthDiagnostic, Hashable {
    /// `rua` or `ruf`.
    public var tag: String
    /// The report URI as written (size limit included).
    public var uri: String
    /// The host receiving reports: `reports.example.net`.
    public var host: String
    /// The domain whose DMARC record names the address.
    public var dmarcDomain: String
    /// Where the authorisation must be published: `corp.example._report._dmarc.reports.example.net`.
    public var name: String

    public var severity: MailAuthSeverity { .warning }

    public var summary: String {
        "\(tag)=\(uri) sends reports outside \(dmarcDomain); receivers send them only if \(host) publishes TXT \"v=DMARC1\" at \(name)"
    }

    public var fix: String? {
        "ask the operator of \(host) to publish that record, or use a report address in \(dmarcDomain)"
    }
}

extension DMARCReportAuthorisation {
    /// The authorisations the report URIs of a DMARC record need, one per host outside the
    /// organisation, in the order of the URIs.
    ///
    /// - Parameters:
    ///   - dmarcDomain: The domain whose record it is: `news.corp.example`.
    ///   - organisationalDomain: Addresses at or under it need no authorisation; defaults to
    ///     `dmarcDomain` (mailzone knows no public suffix list, so the caller says).
    ///   - rua: The `rua=` URIs as written (`mailto:d@example.net!10m`).
    ///   - ruf: The `ruf=` URIs as written.
    public static func needed(
        dmarcDomain: String, organisationalDomain: String? = nil,
        rua: [String], ruf: [String] = []
    ) -> [DMARCReportAuthorisation] {
        let domain = SPFDomain.comparisonKey(dmarcDomain)
        let organisation = SPFDomain.comparisonKey(organisationalDomain ?? dmarcDomain)
        var needed: [DMARCReportAuthorisation] = []
        for (tag, uris) in [("rua", rua), ("ruf", ruf)] {
            for text in uris {
                guard case .success(let entry) = DMARCReportURI.parse(text),
                    let host = entry.host.map(SPFDomain.comparisonKey)
                else { continue }
                if host == organisation || host.hasSuffix("." + organisation) { continue }
                let name = "\(domain)._report._dmarc.\(host)"
                if needed.contains(where: { $0.name == name }) { continue }
                needed.append(
                    DMARCReportAuthorisation(tag: tag, uri: text, host: host, dmarcDomain: domain, name: name))
            }
        }
        return needed
    }

    /// The authorisations a DMARC record's `rua` and `ruf` need.
    public static func needed(
        by record: DMARCRecord, dmarcDomain: String,
        organisationalDomain: String? = nil
    ) -> [DMARCReportAuthorisation] {
        needed(
            dmarcDomain: dmarcDomain, organisationalDomain: organisationalDomain,
            rua: record.aggregateReportURIs.map(\.text), ruf: record.failureReportURIs.map(\.text))
    }
}
