import Testing
import ZoneFile

@testable import MailZone

/// A zone written out in a test, loaded under its origin: the set-up the editor's tests share.
struct TestZone {
    let origin: DomainName
    let zone: Zone

    /// Loads `text` as the zone of `origin` read from `path`; a text with errors is a failed test, since every
    /// such test means to edit a valid zone.
    init(_ text: String, origin: String, path: String) throws {
        self.origin = try DomainName(parsing: origin)
        zone = ZoneLoader.load(text: text, path: path, options: LoadOptions(origin: self.origin))
        #expect(zone.errors.isEmpty, "\(path): \(zone.errors)")
    }
}
