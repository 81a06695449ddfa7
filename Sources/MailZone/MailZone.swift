/// Placeholder until the library lands.
enum MailZoneModule {}
