/// Placeholder until the library lands.
enum ZoneFileModule {}
