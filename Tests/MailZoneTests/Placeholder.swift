import Testing
@testable import MailZone
@Test func placeholderMailZone() { #expect(Bool(true)) }
