/// Placeholder until the library lands.
enum MailAuthModule {}
