/// How long one record's RDATA may be in a zone file that BIND is to load.
///
/// RFC 1035 allows 65,535 octets (RDLENGTH is 16 bits), but BIND's master-file loader refuses the
/// whole zone ("ran out of space") for anything over 65,510 octets, whatever the type: measured with
/// BIND 9.18's `named-checkzone` on TXT, SPF, CAA, OPENPGPKEY and RFC 3597 `\#` RDATA (65,510 loads,
/// 65,511 does not; pinned by `RDataLengthLimitTests`). A zone mailzone accepts must be one BIND
/// loads, so the loader (and with it `zone check`, planning and apply's re-read) uses BIND's limit.
package enum RDataLength {
    /// The longest RDATA BIND 9.18 loads from a zone file, in octets.
    package static let maxLoadable = 65_510

    /// The error for RDATA of `length` octets, beyond `maxLoadable`, shown at the RDATA's first field.
    static func tooLong(_ length: Int) -> RDataError {
        RDataError(
            "RDATA is \(length) octets long; BIND loads at most \(maxLoadable) octets of RDATA "
                + "(named-checkzone: \"ran out of space\"); shorten the value or split it into several records",
            field: 0)
    }
}
