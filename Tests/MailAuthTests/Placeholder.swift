import Testing
@testable import MailAuth
@Test func placeholderMailAuth() { #expect(Bool(true)) }
