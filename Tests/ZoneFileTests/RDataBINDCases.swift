// Cases checked against BIND 9.18 (`named-compilezone -s full`): each valid input's expected text is what
// BIND printed for it; each invalid input is one BIND refuses too. RDATA as in a zone with origin `example.`.

/// Valid RDATA and BIND's canonical presentation of it.
let bindValidCases: [(type: String, rdata: String, expected: String)] = [
    (#"SRV"#, #"1 2 3 target"#, #"1 2 3 target.example."#),
    (#"CAA"#, #"0 issue "letsencrypt.org""#, #"0 issue "letsencrypt.org""#),
    (#"CAA"#, #"128 IsSue letsencrypt.org"#, #"128 IsSue "letsencrypt.org""#),
    (#"CAA"#, #"0 issue """#, #"0 issue """#),
    (#"CAA"#, #"0 abcdefghijklmnop "x""#, #"0 abcdefghijklmnop "x""#),
    (#"CAA"#, #"0 iodef "mailto:x@y""#, #"0 iodef "mailto:x@y""#),
    (
        #"NAPTR"#, #"100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com!" ."#,
        #"100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com!" ."#
    ),
    (#"NAPTR"#, #"100 10 u E2U+sip "" foo"#, #"100 10 "u" "E2U+sip" "" foo.example."#),
    (#"HINFO"#, #""PC" "Linux""#, #""PC" "Linux""#),
    (#"SSHFP"#, #"1 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac"#, #"1 1 DD465C09CFA51FB45020CC83316FFF21B9EC74AC"#),
    (
        #"TLSA"#, #"3 1 1 ( 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6 )"#,
        #"3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (
        #"DS"#, #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
        #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#
    ),
    (
        #"DS"#, #"60485 RSASHA1 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
        #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#
    ),
    (
        #"DS"#, #"60485 5 SHA-1 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
        #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#
    ),
    (
        #"DS"#, #"60485 5 1 2BB183AF5F 22588179A53B0A98631FAD1A292118"#,
        #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#
    ),
    (#"DS"#, #"60485 5 0 00"#, #"60485 5 0 00"#),
    (
        #"DS"#, #"60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"#,
        #"60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4 469DA50A"#
    ),
    (#"CDS"#, #"0 0 0 00"#, #"0 0 0 00"#),
    (
        #"DNSKEY"#,
        #"257 3 8 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0="#,
        #"257 3 8 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjF FVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoX bfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaD X6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpz W5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relS Qageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulq QxA+Uk1ihz0="#
    ),
    (#"DNSKEY"#, #"256 3 RSASHA256 AwEAAQ=="#, #"256 3 8 AwEAAQ=="#),
    (#"KEY"#, #"256 3 5 AwEAAQ=="#, #"256 3 5 AwEAAQ=="#),
    (#"KEY"#, #"0xC000 3 5"#, #"49152 3 5"#),
    (
        #"RRSIG"#, #"TYPE65000 RSASHA256 2 300 1735689600 1704067200 12345 example. AwEAAQ=="#,
        #"TYPE65000 8 2 300 20250101000000 20240101000000 12345 example. AwEAAQ=="#
    ),
    (
        #"SIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 example. AwEAAQ=="#,
        #"A 8 2 300 20250101000000 20240101000000 12345 example. AwEAAQ=="#
    ),
    (#"NSEC"#, #"host.example. A MX RRSIG NSEC TYPE1234"#, #"host.example. A MX RRSIG NSEC TYPE1234"#),
    (#"NSEC"#, #"host.example. NS NS A"#, #"host.example. A NS"#),
    (
        #"NSEC3"#, #"1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG"#,
        #"1 1 12 AABBCCDD 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S A RRSIG"#
    ),
    (#"NSEC3"#, #"1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S"#, #"1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S"#),
    (#"NSEC3PARAM"#, #"1 0 12 aabbccdd"#, #"1 0 12 AABBCCDD"#),
    (#"NSEC3PARAM"#, #"1 0 0 -"#, #"1 0 0 -"#),
    (
        #"TLSA"#, #"3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (#"SMIMEA"#, #"3 1 1 0c72ac70"#, #"3 1 1 0C72AC70"#),
    (#"OPENPGPKEY"#, #"AwEAAQ=="#, #"AwEAAQ=="#),
    (#"URI"#, #"10 1 "ftp://ftp1.example.com/public""#, #"10 1 "ftp://ftp1.example.com/public""#),
    (#"CSYNC"#, #"66 3 A NS AAAA"#, #"66 3 A NS AAAA"#),
    (
        #"ZONEMD"#,
        #"2018031900 1 1 FEBE3D4CE2EC2FFA4BA99D46CD69D6D29711E55217057BEE7EB1A7B641A47BA7FED2DD5B97AE499FAFA4F22C6BD647DE"#,
        #"2018031900 1 1 FEBE3D4CE2EC2FFA4BA99D46CD69D6D29711E55217057BEE7EB1A7B6 41A47BA7FED2DD5B97AE499FAFA4F22C6BD647DE"#
    ),
    (#"CERT"#, #"PGP 0 0 AwEAAQ=="#, #"PGP 0 0 AwEAAQ=="#),
    (#"CERT"#, #"1 2 3 AwEAAQ=="#, #"PKIX 2 DSA AwEAAQ=="#),
    (#"CERT"#, #"URI 0 RSASHA1 AwEAAQ=="#, #"URI 0 RSASHA1 AwEAAQ=="#),
    (
        #"RRSIG"#,
        #"A 8 2 300 20250101000000 20240101000000 12345 example. Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azXGLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4jQ+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#,
        #"A 8 2 300 20250101000000 20240101000000 12345 example. Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azX GLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4j Q+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3 RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#
    ),
    (
        #"OPENPGPKEY"#,
        #"Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azXGLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4jQ+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#,
        #"Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azX GLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4j Q+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3 RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#
    ),
    (
        #"DHCID"#,
        #"Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azXGLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4jQ+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#,
        #"Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azX GLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4j Q+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3 RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#
    ),
    (
        #"CERT"#,
        #"1 2 3 Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azXGLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4jQ+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#,
        #"PKIX 2 DSA Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azX GLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4j Q+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3 RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#
    ),
    (
        #"IPSECKEY"#,
        #"10 1 2 192.0.2.38 Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azXGLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4jQ+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#,
        #"10 1 2 192.0.2.38 Tx+huUPBdfrdSU6DJi7a5zVXrgEjnsQwIjWbytJKeUL3msTnuMDg8azX GLQJs5n/s6I35FjTfuKd4mam/IxTIBzpj3ixGBV+xg0e6pqoqQHFHy4j Q+RWtWFGExWd6C6FHue9/AJocHNc41bDTGZ1Ar9NZKPwY7SSy3NQcJL3 RXdfJ3ziDfqnml/SLorLINxxMGqTPt9W"#
    ),
    (
        #"NSEC3PARAM"#,
        #"1 0 12 621b1a99505689e698666c332e64e7f8810355ad1cd2c6a8085bb62438fdffa6061d06a051d834888e23ad19f3017dc73b3bc9fb17a64d6e68f63e8dd9a983675f822b8a6af928a0cd6fecc3a72886f4000ccebbf784f45294909d7ab0924bf137416f85"#,
        #"1 0 12 621B1A99505689E698666C332E64E7F8810355AD1CD2C6A8085BB62438FDFFA6061D06A051D834888E23AD19F3017DC73B3BC9FB17A64D6E68F63E8DD9A983675F822B8A6AF928A0CD6FECC3A72886F4000CCEBBF784F45294909D7AB0924BF137416F85"#
    ),
    (
        #"HIP"#,
        #"2 200100107B1A74DF365639CC39F1D578 AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D rvs.example.com. rvs2.example.com."#,
        #"2 200100107B1A74DF365639CC39F1D578 AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D rvs.example.com. rvs2.example.com."#
    ),
    (
        #"TA"#,
        #"1 2 3 621b1a99505689e698666c332e64e7f8810355ad1cd2c6a8085bb62438fdffa6061d06a051d834888e23ad19f3017dc73b3bc9fb17a64d6e68f63e8dd9a983675f822b8a6af928a0cd6fecc3a72886f4000ccebbf784f45294909d7ab0924bf137416f85"#,
        #"1 2 3 621B1A99505689E698666C332E64E7F8810355AD1CD2C6A8085BB624 38FDFFA6061D06A051D834888E23AD19F3017DC73B3BC9FB17A64D6E 68F63E8DD9A983675F822B8A6AF928A0CD6FECC3A72886F4000CCEBB F784F45294909D7AB0924BF137416F85"#
    ),
    (
        #"APL"#, #"1:192.168.32.0/21 !1:192.168.38.0/28 2:ff00::/8 1:0.0.0.0/0"#,
        #"1:192.168.32.0/21 !1:192.168.38.0/28 2:ff00::/8 1:0.0.0.0/0"#
    ),
    (#"NID"#, #"10 0014:4fff:ff20:ee64"#, #"10 14:4fff:ff20:ee64"#),
    (#"L32"#, #"10 10.1.2.0"#, #"10 10.1.2.0"#),
    (#"L64"#, #"10 2001:0DB8:1140:1000"#, #"10 2001:db8:1140:1000"#),
    (#"LP"#, #"10 l64-subnet1.example.com."#, #"10 l64-subnet1.example.com."#),
    (#"EUI48"#, #"00-00-5e-00-53-2a"#, #"00-00-5e-00-53-2a"#),
    (#"EUI64"#, #"00-00-5e-ef-10-00-00-2a"#, #"00-00-5e-ef-10-00-00-2a"#),
    (#"LOC"#, #"42 21 54 N 71 06 18 W -24m 30m"#, #"42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m"#),
    (#"LOC"#, #"52 N 4 E 0"#, #"52 0 0.000 N 4 0 0.000 E 0.00m 1m 10000m 10m"#),
    (
        #"LOC"#, #"60 09 00.000 N 24 39 00.000 E 10.00m 20.00m 2000.00m 20.00m"#,
        #"60 9 0.000 N 24 39 0.000 E 10.00m 20m 2000m 20m"#
    ),
    (#"WKS"#, #"192.0.2.1 tcp smtp ftp 80 domain"#, #"192.0.2.1 6 21 25 53 80"#),
    (#"WKS"#, #"192.0.2.1 6 25"#, #"192.0.2.1 6 25"#),
    (#"GPOS"#, #"-32.6882 116.8652 10.0"#, #""-32.6882" "116.8652" "10.0""#),
    (#"X25"#, #""311061700956""#, #""311061700956""#),
    (#"ISDN"#, #""150862028003217" "004""#, #""150862028003217" "004""#),
    (#"ISDN"#, #"150862028003217"#, #""150862028003217""#),
    (#"NSAP"#, #"0x47.0005.80.005a00.0000.0001.e133.aaaaaa.000001.00"#, #"0x47000580005a0000000001e133aaaaaa00000100"#),
    (#"NSAP-PTR"#, #"foo."#, #"foo."#),
    (#"RP"#, #"mbox.example. txt.example."#, #"mbox.example. txt.example."#),
    (#"AFSDB"#, #"1 afs.example."#, #"1 afs.example."#),
    (#"RT"#, #"0 relay"#, #"0 relay.example."#),
    (#"KX"#, #"10 kx"#, #"10 kx.example."#),
    (#"PX"#, #"10 map822 mapx400"#, #"10 map822.example. mapx400.example."#),
    (#"MINFO"#, #"rm em"#, #"rm.example. em.example."#),
    (#"AVC"#, #""app-name:WOLFGANG|app-class:OAM""#, #""app-name:WOLFGANG|app-class:OAM""#),
    (#"DOA"#, #"0 1 2 "" aHR0cHM6Ly93d3cuaXNjLm9yZy8="#, #"0 1 2 "" aHR0cHM6Ly93d3cuaXNjLm9yZy8="#),
    (#"DOA"#, #"0 1 2 "text/plain" -"#, #"0 1 2 "text/plain" -"#),
    (#"AMTRELAY"#, #"0 0 0 ."#, #"0 0 0 ."#),
    (#"AMTRELAY"#, #"0 1 1 192.0.2.1"#, #"0 1 1 192.0.2.1"#),
    (#"AMTRELAY"#, #"10 0 3 relay.example."#, #"10 0 3 relay.example."#),
    (#"AMTRELAY"#, #"10 0 2 2001:db8::1"#, #"10 0 2 2001:db8::1"#),
    (
        #"RESINFO"#, #"qnamemin exterr=15,16,17 infourl=https://resolver.example.com/guide"#,
        #""qnamemin" "exterr=15,16,17" "infourl=https://resolver.example.com/guide""#
    ),
    (#"WALLET"#, #"BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"#, #""BTC" "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa""#),
    (#"SSHFP"#, #"1 3 0c72ac70"#, #"1 3 0C72AC70"#),
    (#"SSHFP"#, #"1 0 0c72ac70"#, #"1 0 0C72AC70"#),
    (
        #"SSHFP"#, #"1 2 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"1 2 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (#"DNSKEY"#, #"0257 3 8 AwEAAQ=="#, #"257 3 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"0x101 3 8 AwEAAQ=="#, #"257 3 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"KSK|ZONE 3 8 AwEAAQ=="#, #"257 3 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"256 3 253 AwEAAQ=="#, #"256 3 253 AwEAAQ=="#),
    (#"DNSKEY"#, #"256 3 PRIVATEDNS AwEAAQ=="#, #"256 3 253 AwEAAQ=="#),
    (#"DNSKEY"#, #"256 3 rsasha256 AwE AAQ=="#, #"256 3 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"256 DNSSEC 8 AwEAAQ=="#, #"256 3 8 AwEAAQ=="#),
    (
        #"DS"#, #"1 ECDSAP256SHA256 SHA-256 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"1 13 2 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (
        #"DS"#, #"1 13 SHA256 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"1 13 2 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (#"DS"#, #"1 13 3 0c72"#, #"1 13 3 0C72"#),
    (
        #"DS"#, #"1 13 1 0c72ac70b745ac19998811b131d662c9ac69dbdb ( )"#,
        #"1 13 1 0C72AC70B745AC19998811B131D662C9AC69DBDB"#
    ),
    (
        #"RRSIG"#, #"A 8 2 300 19700101000000 0 12345 example. AwEAAQ=="#,
        #"A 8 2 300 19700101000000 19700101000000 12345 example. AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 2 300 21060207062816 0 12345 example. AwEAAQ=="#,
        #"A 8 2 300 19700101000000 19700101000000 12345 example. AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"a 8 2 300 0 0 12345 Example. AwEAAQ=="#,
        #"A 8 2 300 19700101000000 19700101000000 12345 Example. AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20250101235960 0 12345 example. AwEAAQ=="#,
        #"A 8 2 300 20250102000000 19700101000000 12345 example. AwEAAQ=="#
    ),
    (#"NSEC"#, #"host.example. TYPE0"#, #"host.example. TYPE0"#),
    (#"NSEC"#, #"host.example. TYPE65535 A"#, #"host.example. A TYPE65535"#),
    (#"NSEC"#, #"host.example. a mx"#, #"host.example. A MX"#),
    (#"NSEC"#, #"host.example. OPT"#, #"host.example. OPT"#),
    (#"CSYNC"#, #"66 3"#, #"66 3"#),
    (#"ZONEMD"#, #"1 1 3 001122334455667788990011"#, #"1 1 3 001122334455667788990011"#),
    (#"ZONEMD"#, #"1 0 3 001122334455667788990011"#, #"1 0 3 001122334455667788990011"#),
    (#"ZONEMD"#, #"1 1 0 001122334455667788990011"#, #"1 1 0 001122334455667788990011"#),
    (#"DNSKEY"#, #"257 3 NSEC3DSA AwEAAQ=="#, #"257 3 6 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 NSEC3RSASHA1 AwEAAQ=="#, #"257 3 7 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 ECCGOST AwEAAQ=="#, #"257 3 12 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 DH AwEAAQ=="#, #"257 3 2 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 INDIRECT AwEAAQ=="#, #"257 3 252 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 PRIVATEOID AwEAAQ=="#, #"257 3 254 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 RSAMD5 AwEAAQ=="#, #"257 3 1 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 0 AwEAAQ=="#, #"257 3 0 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 255 8 AwEAAQ=="#, #"257 255 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 ALL 8 AwEAAQ=="#, #"257 255 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 EMAIL 8 AwEAAQ=="#, #"257 2 8 AwEAAQ=="#),
    (#"DNSKEY"#, #"257 3 8 AwEAAQ== ( )"#, #"257 3 8 AwEAAQ=="#),
    (
        #"DS"#,
        #"1 13 SHA-384 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d60c72ac70b745ac19998811b131d662c9"#,
        #"1 13 4 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D60C72AC70B745AC19998811B131D662C9"#
    ),
    (#"DS"#, #"1 13 GOST 0c72"#, #"1 13 3 0C72"#),
    (#"DS"#, #"1 13 1 0c72ac70b745ac19998811b131d662c9ac69dbd b"#, #"1 13 1 0C72AC70B745AC19998811B131D662C9AC69DBDB"#),
    (#"DS"#, #"1 13 255 0c"#, #"1 13 255 0C"#),
    (#"DS"#, #"1 0 0 0c"#, #"1 0 0 0C"#),
    (#"CDNSKEY"#, #"0 3 0 AA=="#, #"0 3 0 AA=="#),
    (#"CERT"#, #"65535 65535 255 AA=="#, #"65535 65535 255 AA=="#),
    (#"CERT"#, #"IPKIX 0 0 AA=="#, #"IPKIX 0 0 AA=="#),
    (#"CERT"#, #"ISPKI 0 0 AA=="#, #"ISPKI 0 0 AA=="#),
    (#"CERT"#, #"IPGP 0 0 AA=="#, #"IPGP 0 0 AA=="#),
    (#"CERT"#, #"ACPKIX 0 0 AA=="#, #"ACPKIX 0 0 AA=="#),
    (#"CERT"#, #"IACPKIX 0 0 AA=="#, #"IACPKIX 0 0 AA=="#),
    (#"CERT"#, #"OID 0 0 AA=="#, #"OID 0 0 AA=="#),
    (#"CERT"#, #"SPKI 0 0 AA=="#, #"SPKI 0 0 AA=="#),
    (#"CERT"#, #"253 0 0 AA=="#, #"URI 0 0 AA=="#),
    (#"CERT"#, #"254 0 0 AA=="#, #"OID 0 0 AA=="#),
    (#"CERT"#, #"1 0 1 AA=="#, #"PKIX 0 RSAMD5 AA=="#),
    (#"CERT"#, #"1 0 2 AA=="#, #"PKIX 0 DH AA=="#),
    (#"CERT"#, #"1 0 3 AA=="#, #"PKIX 0 DSA AA=="#),
    (#"CERT"#, #"1 0 4 AA=="#, #"PKIX 0 4 AA=="#),
    (#"CERT"#, #"1 0 5 AA=="#, #"PKIX 0 RSASHA1 AA=="#),
    (#"CERT"#, #"1 0 6 AA=="#, #"PKIX 0 NSEC3DSA AA=="#),
    (#"CERT"#, #"1 0 7 AA=="#, #"PKIX 0 NSEC3RSASHA1 AA=="#),
    (#"CERT"#, #"1 0 8 AA=="#, #"PKIX 0 RSASHA256 AA=="#),
    (#"CERT"#, #"1 0 9 AA=="#, #"PKIX 0 9 AA=="#),
    (#"CERT"#, #"1 0 10 AA=="#, #"PKIX 0 RSASHA512 AA=="#),
    (#"CERT"#, #"1 0 11 AA=="#, #"PKIX 0 11 AA=="#),
    (#"CERT"#, #"1 0 12 AA=="#, #"PKIX 0 ECCGOST AA=="#),
    (#"CERT"#, #"1 0 13 AA=="#, #"PKIX 0 ECDSAP256SHA256 AA=="#),
    (#"CERT"#, #"1 0 14 AA=="#, #"PKIX 0 ECDSAP384SHA384 AA=="#),
    (#"CERT"#, #"1 0 15 AA=="#, #"PKIX 0 ED25519 AA=="#),
    (#"CERT"#, #"1 0 16 AA=="#, #"PKIX 0 ED448 AA=="#),
    (#"CERT"#, #"1 0 17 AA=="#, #"PKIX 0 17 AA=="#),
    (#"CERT"#, #"1 0 23 AA=="#, #"PKIX 0 23 AA=="#),
    (#"CERT"#, #"1 0 252 AA=="#, #"PKIX 0 INDIRECT AA=="#),
    (#"CERT"#, #"1 0 253 AA=="#, #"PKIX 0 PRIVATEDNS AA=="#),
    (#"CERT"#, #"1 0 254 AA=="#, #"PKIX 0 PRIVATEOID AA=="#),
    (#"CERT"#, #"1 0 255 AA=="#, #"PKIX 0 255 AA=="#),
    (#"DNSKEY"#, #"ZONE 3 8 AA=="#, #"256 3 8 AA=="#),
    (#"DNSKEY"#, #"KSK 3 8 AA=="#, #"1 3 8 AA=="#),
    (#"DNSKEY"#, #"NOKEY 3 8 AA=="#, #"49152 3 8 AA=="#),
    (#"DNSKEY"#, #"NOCONF 3 8 AA=="#, #"16384 3 8 AA=="#),
    (#"DNSKEY"#, #"NOAUTH 3 8 AA=="#, #"32768 3 8 AA=="#),
    (#"DNSKEY"#, #"EXTEND 3 8 AA=="#, #"4096 3 8 AA=="#),
    (#"DNSKEY"#, #"USER 3 8 AA=="#, #"0 3 8 AA=="#),
    (#"DNSKEY"#, #"HOST 3 8 AA=="#, #"512 3 8 AA=="#),
    (#"DNSKEY"#, #"SIG0 3 8 AA=="#, #"0 3 8 AA=="#),
    (#"DNSKEY"#, #"SIG15 3 8 AA=="#, #"15 3 8 AA=="#),
    (#"DNSKEY"#, #"FLAG2 3 8 AA=="#, #"8192 3 8 AA=="#),
    (#"DNSKEY"#, #"NTYP3 3 8 AA=="#, #"768 3 8 AA=="#),
    (#"DNSKEY"#, #"KSK|KSK 3 8 AA=="#, #"1 3 8 AA=="#),
    (#"NSEC3"#, #"2 0 0 - 00"#, #"2 0 0 - 00"#),
    (#"NSEC3"#, #"0 0 0 - 00"#, #"0 0 0 - 00"#),
    (#"CAA"#, #"0 issue letsencrypt.org; policy"#, #"0 issue "letsencrypt.org""#),
    (#"CAA"#, #"0 issue "a;b""#, #"0 issue "a;b""#),
    (#"CAA"#, #"0 issue "caf\195\169""#, #"0 issue "caf\195\169""#),
    (#"CAA"#, #"0 ISSUE "x""#, #"0 ISSUE "x""#),
    (#"CAA"#, #"0 123 "x""#, #"0 123 "x""#),
    (#"CAA"#, #"0 issue "a\"b""#, #"0 issue "a\"b""#),
    (#"CAA"#, #"0 issue "a\\b""#, #"0 issue "a\\b""#),
    (#"CAA"#, #"0 issue "a b""#, #"0 issue "a b""#),
    (#"CAA"#, #"0 issue "\t""#, #"0 issue "t""#),
    (#"X25"#, #"311061700956"#, #""311061700956""#),
    (#"ISDN"#, #""abc" "x""#, #""abc" "x""#),
    (#"GPOS"#, #""-32.6882" "116.8652" "10.0""#, #""-32.6882" "116.8652" "10.0""#),
    (#"GPOS"#, #"-91 0 0"#, #""-91" "0" "0""#),
    (#"GPOS"#, #"a b c"#, #""a" "b" "c""#),
    (#"GPOS"#, #""" "" """#, #""" "" """#),
    (#"URI"#, #"10 1 """#, #"10 1 """#),
    (#"NAPTR"#, #"100 10 "U!" "E2U+sip" "" ."#, #"100 10 "U!" "E2U+sip" "" ."#),
    (#"NAPTR"#, #"100 10 "" "" "" ."#, #"100 10 "" "" "" ."#),
    (#"NAPTR"#, #"100 10 "us" "E2U+sip:foo" "/a/b/i" ."#, #"100 10 "us" "E2U+sip:foo" "/a/b/i" ."#),
    (#"NAPTR"#, #"100 10 "" "" "!a!b!" x."#, #"100 10 "" "" "!a!b!" x."#),
    (#"SRV"#, #"1 2 3 ."#, #"1 2 3 ."#),
    (#"HINFO"#, #""" """#, #""" """#),
    (#"HINFO"#, #""a\"b" c;d"#, #""a\"b" "c""#),
    (#"RP"#, #". ."#, #". ."#),
    (#"PX"#, #"10 . ."#, #"10 . ."#),
    (#"MINFO"#, #". ."#, #". ."#),
    (#"RT"#, #"10 ."#, #"10 ."#),
    (#"KX"#, #"10 ."#, #"10 ."#),
    (#"NSAP"#, #"0x47"#, #"0x47"#),
    (#"NSAP"#, #"0x4.7"#, #"0x47"#),
    (#"NSAP"#, #"0x47."#, #"0x47"#),
    (#"NSAP"#, #"0X47"#, #"0x47"#),
    (#"TXT"#, #"a "" b"#, #""a" "" "b""#),
    (#"TXT"#, #""\1234""#, #""{4""#),
    (#"TXT"#, #""""#, #""""#),
    (#"SPF"#, #""v=spf1 -all""#, #""v=spf1 -all""#),
    (#"AVC"#, #""""#, #""""#),
    (#"WALLET"#, #""""#, #""""#),
    (
        #"IPSECKEY"#, #"10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=="#,
        #"10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=="#
    ),
    (#"HIP"#, #"2 200100107B1A74DF365639CC39F1D578 AwEAAQ=="#, #"2 200100107B1A74DF365639CC39F1D578 AwEAAQ=="#),
    (#"HIP"#, #"2 2001 AwEAAQ== a.example. B.example."#, #"2 2001 AwEAAQ== a.example. B.example."#),
    (
        #"DHCID"#, #"AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA="#,
        #"AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA="#
    ),
    (#"TLSA"#, #"3 1 1 00 11"#, #"3 1 1 0011"#),
    (
        #"SSHFP"#, #"1 2 0c72ac70b745ac19998811b131d662c9 ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"1 2 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B566 64C5D3D6"#
    ),
    (#"SSHFP"#, #"5 0 00"#, #"5 0 00"#),
    (#"SMIMEA"#, #"0 0 0 00"#, #"0 0 0 00"#),
    (#"AMTRELAY"#, #"0 1 3 foo"#, #"0 1 3 foo.example."#),
    (#"LOC"#, #"42 21 54 N 71 06 18 W -24m 30m 10000m 10m"#, #"42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m"#),
    (
        #"LOC"#, #"90 S 180 W 42849672.95m 90000000m 90000000m 90000000m"#,
        #"90 0 0.000 S 180 0 0.000 W 42849672.95m 90000000m 90000000m 90000000m"#
    ),
    (#"LOC"#, #"0 N 0 E -100000.00m"#, #"0 0 0.000 N 0 0 0.000 E -100000.00m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 0 1.5m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 0 0.01m 0m 0.1m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 0.01m 0.00m 0.10m"#),
    (#"LOC"#, #"0 N 0 E 0 12345m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 10000m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 0m 1m 2m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 1m 2m 10m"#),
    (#"LOC"#, #"0 0 0 N 0 0 0 E 0 1 2"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 1m 2m 10m"#),
    (#"LOC"#, #"0 0 0.001 N 0 E 0"#, #"0 0 0.001 N 0 0 0.000 E 0.00m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 10.5"#, #"0 0 0.000 N 0 0 0.000 E 10.50m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E .5"#, #"0 0 0.000 N 0 0 0.000 E 0.50m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 5."#, #"0 0 0.000 N 0 0 0.000 E 5.00m 1m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E +5"#, #"0 0 0.000 N 0 0 0.000 E 5.00m 1m 10000m 10m"#),
    (#"APL"#, #""#, #""#),
    (#"APL"#, #"1:192.168.32.0/21"#, #"1:192.168.32.0/21"#),
    (#"APL"#, #"1:192.168.32.1/21"#, #"1:192.168.32.1/21"#),
    (#"APL"#, #"2:::/0"#, #"2:::/0"#),
    (#"APL"#, #"2:2001:db8::/32"#, #"2:2001:db8::/32"#),
    (#"APL"#, #"1:10.0.0.0/8 1:10.0.0.0/8"#, #"1:10.0.0.0/8 1:10.0.0.0/8"#),
    (#"APL"#, #"!2:::1/128"#, #"!2:::1/128"#),
    (#"APL"#, #"1:0.0.0.0/32"#, #"1:0.0.0.0/32"#),
    (#"WKS"#, #"192.0.2.1 udp domain"#, #"192.0.2.1 17 53"#),
    (#"WKS"#, #"192.0.2.1 tcp"#, #"192.0.2.1 6"#),
    (#"WKS"#, #"192.0.2.1 TCP SMTP"#, #"192.0.2.1 6 25"#),
    (#"WKS"#, #"192.0.2.1 tcp 65535"#, #"192.0.2.1 6 65535"#),
    (#"WKS"#, #"192.0.2.1 17 53"#, #"192.0.2.1 17 53"#),
    (#"WKS"#, #"192.0.2.1 icmp"#, #"192.0.2.1 1"#),
    (#"WKS"#, #"192.0.2.1 1 0"#, #"192.0.2.1 1 0"#),
    (#"EUI48"#, #"00-00-5E-00-53-2A"#, #"00-00-5e-00-53-2a"#),
    (#"NID"#, #"10 14:4fff:ff20:ee64"#, #"10 14:4fff:ff20:ee64"#),
    (#"LOC"#, #"0 N 0 E 0 90000000.01m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 90000000m 10000m 10m"#),
    (#"LOC"#, #"0 N 0 E 0m 1m 1m 1.m"#, #"0 0 0.000 N 0 0 0.000 E 0.00m 1m 1m 1m"#),
    (#"LOC"#, #"1 S 1 W -0.01m"#, #"1 0 0.000 S 1 0 0.000 W -0.01m 1m 10000m 10m"#),
    (#"LOC"#, #"0 0 0.5 S 0 0 0.25 W 0"#, #"0 0 0.500 S 0 0 0.250 W 0.00m 1m 10000m 10m"#),
    (#"DOA"#, #"4294967295 4294967295 255 "" -"#, #"4294967295 4294967295 255 "" -"#),
    (#"AMTRELAY"#, #"0 0 1 1.2.3.4"#, #"0 0 1 1.2.3.4"#),
    (#"AMTRELAY"#, #"0 0 3 ."#, #"0 0 3 ."#),
    (#"LP"#, #"10 ."#, #"10 ."#),
    (#"NID"#, #"10 0:0:0:0"#, #"10 0:0:0:0"#),
    (#"TXT"#, #""a;b" "$x" "@" "(" "\009" "\128" "é" "'""#, #""a;b" "$x" "@" "(" "\009" "\128" "\195\169" "'""#),
    (#"TXT"#, #"a\;b \$ \@ \( ab\"cd"#, #""a;b" "$" "@" "(" "ab\"cd""#),
    (#"SVCB"#, #"0 foo.example.com."#, #"0 foo.example.com."#),
    (#"SVCB"#, #"1 ."#, #"1 ."#),
    (#"SVCB"#, #"16 foo.example.com. port=53"#, #"16 foo.example.com. port=53"#),
    (#"SVCB"#, #"1 foo.example.com. key667=hello"#, #"1 foo.example.com. key667="hello""#),
    (#"SVCB"#, #"1 foo.example.com. key667="hello\210qoo""#, #"1 foo.example.com. key667="hello\210qoo""#),
    (
        #"SVCB"#, #"1 foo.example.com. ipv6hint="2001:db8::1,2001:db8::53:1""#,
        #"1 foo.example.com. ipv6hint=2001:db8::1,2001:db8::53:1"#
    ),
    (
        #"SVCB"#, #"1 example.com. ipv6hint="2001:db8:ffff:ffff:ffff:ffff:198.51.100.100""#,
        #"1 example.com. ipv6hint=2001:db8:ffff:ffff:ffff:ffff:c633:6464"#
    ),
    (
        #"SVCB"#, #"16 foo.example.org. (alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1)"#,
        #"16 foo.example.org. mandatory=alpn,ipv4hint alpn="h2,h3-19" ipv4hint=192.0.2.1"#
    ),
    (#"SVCB"#, #"16 foo.example.org. alpn="f\\\\oo\\,bar,h2""#, #"16 foo.example.org. alpn="f\\\\oo\\,bar,h2""#),
    (#"SVCB"#, #"16 foo.example.org. alpn=f\\\092oo\092,bar,h2"#, #"16 foo.example.org. alpn="f\\\\oo\\,bar,h2""#),
    (#"SVCB"#, #"1 . port=60 alpn=h3 ech="ZWFzdGVyIGVnZyE=""#, #"1 . alpn="h3" port=60 ech=ZWFzdGVyIGVnZyE="#),
    (#"SVCB"#, #"2 . no-default-alpn alpn=alpn"#, #"2 . alpn="alpn" no-default-alpn"#),
    (#"SVCB"#, #"3 . ipv4hint="10.10.10.10""#, #"3 . ipv4hint=10.10.10.10"#),
    (#"SVCB"#, #"5 . key9999="something""#, #"5 . key9999="something""#),
    (#"SVCB"#, #"6 . mandatory=port,alpn port=60 alpn=h3"#, #"6 . mandatory=alpn,port alpn="h3" port=60"#),
    (
        #"SVCB"#, #"8 . mandatory=port,alpn port=60 alpn="h1\\,h2,h3""#,
        #"8 . mandatory=alpn,port alpn="h1\\,h2,h3" port=60"#
    ),
    (#"SVCB"#, #"0 . port=53"#, #"0 . port=53"#),
    (#"SVCB"#, #"1 . key3=\000\053"#, #"1 . port=53"#),
    (#"SVCB"#, #"1 . key65535=x"#, #"1 . key65535="x""#),
    (#"SVCB"#, #"1 . key65535"#, #"1 . key65535"#),
    (#"SVCB"#, #"1 . key667="#, #"1 . key667"#),
    (#"SVCB"#, #"1 . key667="""#, #"1 . key667"#),
    (#"SVCB"#, #"1 . key667"#, #"1 . key667"#),
    (#"SVCB"#, #"1 . ipv4hint=1.2.3.4,5.6.7.8"#, #"1 . ipv4hint=1.2.3.4,5.6.7.8"#),
    (#"SVCB"#, #"1 . ipv6hint=::1,::ffff:1.2.3.4"#, #"1 . ipv6hint=::1,::ffff:1.2.3.4"#),
    (#"SVCB"#, #"1 . ech="#, #"1 . ech"#),
    (#"SVCB"#, #"1 . alpn="h2" port="53""#, #"1 . alpn="h2" port=53"#),
    (#"SVCB"#, #"1 . key5=AA=="#, #"1 . ech=QUE9PQ=="#),
    (#"SVCB"#, #"1 . key9=x"#, #"1 . key9="x""#),
    (#"SVCB"#, #"1 . mandatory=alpn,port port=1 alpn=h2"#, #"1 . mandatory=alpn,port alpn="h2" port=1"#),
    (
        #"HTTPS"#, #"1 . alpn=h2,h3 ipv4hint=192.0.2.1 ipv6hint=2001:db8::1"#,
        #"1 . alpn="h2,h3" ipv4hint=192.0.2.1 ipv6hint=2001:db8::1"#
    ),
    (#"HTTPS"#, #"0 example.com."#, #"0 example.com."#),
    (#"HTTPS"#, #"1 . alpn=h2\,h3"#, #"1 . alpn="h2,h3""#),
    (#"SVCB"#, #"1 . alpn="h2 h3""#, #"1 . alpn="h2\032h3""#),
    (#"SVCB"#, #"1 . key667="a b""#, #"1 . key667="a b""#),
    (#"SVCB"#, #"1 . key667=a;b"#, #"1 . key667="a""#),
    (#"SVCB"#, #"1 . key667="\"\\""#, #"1 . key667="\"\\""#),
    (#"SVCB"#, #"1 . key667="\255\000,""#, #"1 . key667="\255\000,""#),
    (#"SVCB"#, #"0 . mandatory=port port=53"#, #"0 . mandatory=port port=53"#),
    (#"SVCB"#, #"1 . no-default-alpn= alpn=h2"#, #"1 . alpn="h2" no-default-alpn"#),
    (#"SVCB"#, #"1 . no-default-alpn="" alpn=h2"#, #"1 . alpn="h2" no-default-alpn"#),
    (#"SVCB"#, #"1 . key2 alpn=h2"#, #"1 . alpn="h2" no-default-alpn"#),
    (#"SVCB"#, #"1 . mandatory=key123 key123"#, #"1 . mandatory=key123 key123"#),
    (#"SVCB"#, #"1 . port=053"#, #"1 . port=53"#),
    (#"SVCB"#, #"1 . alpn=h2,h2"#, #"1 . alpn="h2,h2""#),
    (#"SVCB"#, #"1 . alpn="a\"b""#, #"1 . alpn="a\"b""#),
    (#"SVCB"#, #"1 . alpn=\255"#, #"1 . alpn="\255""#),
    (#"SVCB"#, #"1 . key4=\001\002\003\004"#, #"1 . ipv4hint=1.2.3.4"#),
    (#"SVCB"#, #"1 . key0=\000\003 port=1"#, #"1 . mandatory=port port=1"#),
    (#"SVCB"#, #"1 . ech="AAAA AAAA""#, #"1 . ech=AAAAAAAA"#),
    (#"SVCB"#, #"1 Foo.Example."#, #"1 Foo.Example."#),
    (
        #"RRSIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 a% AwEAAQ=="#,
        #"A 8 2 300 20250101000000 20240101000000 12345 a%.example. AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 a\@b AwEAAQ=="#,
        #"A 8 2 300 20250101000000 20240101000000 12345 a\@b.example. AwEAAQ=="#
    ),
    (#"NS"#, #"a%"#, #"a%.example."#),
    (#"SSHFP"#, #"0 0"#, #"0 0"#),
    (#"SSHFP"#, #"1 0"#, #"1 0"#),
    (#"AAAA"#, #"::1.2.3.4"#, #"::1.2.3.4"#),
    (#"AAAA"#, #"::0.0.1.0"#, #"::100"#),
    (#"AAAA"#, #"::ffff:0:1.2.3.4"#, #"::ffff:0:102:304"#),
    (#"AAAA"#, #"1::1.2.3.4"#, #"1::102:304"#),
    (#"AAAA"#, #"::1:0:0:1"#, #"::1:0:0:1"#),
    (
        #"RRSIG"#, #"A 8 1 300 20250101000000 20240101000000 12345 . AwEAAQ=="#,
        #"A 8 1 300 20250101000000 20240101000000 12345 . AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 0 300 20250101000000 20240101000000 12345 . AwEAAQ=="#,
        #"A 8 0 300 20250101000000 20240101000000 12345 . AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 3 300 20250101000000 20240101000000 12345 a AwEAAQ=="#,
        #"A 8 3 300 20250101000000 20240101000000 12345 a.example. AwEAAQ=="#
    ),
    (
        #"RRSIG"#, #"A 8 3 300 20250101000000 20240101000000 12345 b.a AwEAAQ=="#,
        #"A 8 3 300 20250101000000 20240101000000 12345 b.a.example. AwEAAQ=="#
    ),
    (#"A"#, #"192.0.2.1"#, #"192.0.2.1"#),
    (#"A"#, #"10.0.0.255"#, #"10.0.0.255"#),
    (#"AAAA"#, #"2001:db8::1"#, #"2001:db8::1"#),
    (#"AAAA"#, #"::ffff:192.0.2.1"#, #"::ffff:192.0.2.1"#),
    (#"AAAA"#, #"::1"#, #"::1"#),
    (#"AAAA"#, #"2001:DB8:0:0:1:0:0:1"#, #"2001:db8::1:0:0:1"#),
    (#"CNAME"#, #"target"#, #"target.example."#),
    (#"CNAME"#, #"Target.Example.COM."#, #"Target.Example.COM."#),
    (#"DNAME"#, #"other.example.org."#, #"other.example.org."#),
    (#"PTR"#, #"host.example."#, #"host.example."#),
    (#"MX"#, #"10 mail"#, #"10 mail.example."#),
    (#"MX"#, #"0 ."#, #"0 ."#),
    (#"MB"#, #"mb.example."#, #"mb.example."#),
    (#"MG"#, #"mg.example."#, #"mg.example."#),
    (#"MR"#, #"mr.example."#, #"mr.example."#),
    (
        #"DLV"#, #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
        #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#
    ),
    (#"TXT"#, #""v=spf1 -all" "second""#, #""v=spf1 -all" "second""#),
    (#"TXT"#, #"unquoted\ with\ space"#, #""unquoted with space""#),
]

/// RDATA BIND refuses, with our message and the index of the field it points at.
let bindInvalidCases: [(type: String, rdata: String, message: String, field: Int?)] = [
    (#"NS"#, #""ns1.example.""#, #"bad domain name '"ns1.example."': a quoted string is not allowed here"#, 0),
    (#"MX"#, #""10" mail"#, #"bad preference '"10"': a quoted string is not allowed here"#, 0),
    (#"CAA"#, #"0 tbs"#, #"missing CAA value"#, nil),
    (#"CAA"#, #"0 a-b "x""#, #"bad CAA tag 'a-b': only letters and digits are allowed (RFC 8659 §4.1.1)"#, 1),
    (#"CAA"#, #"256 issue "x""#, #"bad CAA flags '256': out of range (0-255)"#, 0),
    (#"CAA"#, #"0 issue "a" "b""#, #"unexpected 'b' after the RDATA"#, 3),
    (#"HINFO"#, #"PC"#, #"missing HINFO OS"#, nil),
    (#"HINFO"#, #"a b c"#, #"unexpected 'c' after the RDATA"#, 2),
    (#"SSHFP"#, #"300 1 dd"#, #"bad SSHFP algorithm '300': out of range (0-255)"#, 0),
    (#"SSHFP"#, #"1 1 dd 46"#, #"bad SSHFP fingerprint: SHA-1 fingerprints are 20 octets, this one is 2"#, 2),
    (#"SSHFP"#, #"1 1"#, #"bad SSHFP fingerprint: SHA-1 fingerprints are 20 octets, this one is 0"#, 2),
    (#"TLSA"#, #"3 1 1"#, #"missing TLSA certificate association data"#, nil),
    (
        #"DS"#, #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A2921"#,
        #"bad DS digest: SHA-1 digests are 20 octets, this one is 19"#, 3
    ),
    (
        #"DS"#, #"60485 5 2 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
        #"bad DS digest: SHA-256 digests are 32 octets, this one is 20"#, 3
    ),
    (#"DS"#, #"60485 5 1"#, #"missing DS digest"#, nil),
    (
        #"RRSIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 example. AwEAAQ== AAAA"#,
        #"bad RRSIG signature: not valid base64"#, 8
    ),
    (
        #"RRSIG"#, #"A 8 2 300s 20250101000000 20240101000000 12345 example. AwEAAQ=="#,
        #"bad RRSIG original TTL '300s': not a number"#, 3
    ),
    (#"NSEC"#, #"host.example."#, #"missing NSEC types: the type bitmap may not be empty"#, nil),
    (
        #"NSEC3"#, #"1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s======"#,
        #"bad NSEC3 next hashed owner name '2vptu5timamqttgl4luu9kg21e0aor3s======': not unpadded base32hex (RFC 4648 §7)"#,
        4
    ),
    (#"URI"#, #"10 1 ftp://x"#, #"bad URI target 'ftp://x': the target must be quoted (RFC 7553 §4.5)"#, 2),
    (
        #"SSHFP"#,
        #"1 2 621b1a99505689e698666c332e64e7f8810355ad1cd2c6a8085bb62438fdffa6061d06a051d834888e23ad19f3017dc73b3bc9fb17a64d6e68f63e8dd9a983675f822b8a6af928a0cd6fecc3a72886f4000ccebbf784f45294909d7ab0924bf137416f85"#,
        #"bad SSHFP fingerprint: SHA-256 fingerprints are 32 octets, this one is 100"#, 2
    ),
    (#"SSHFP"#, #"1 2 0c72ac70"#, #"bad SSHFP fingerprint: SHA-256 fingerprints are 32 octets, this one is 4"#, 2),
    (#"SSHFP"#, #"1 1 0c72ac70"#, #"bad SSHFP fingerprint: SHA-1 fingerprints are 20 octets, this one is 4"#, 2),
    (
        #"SSHFP"#, #"ED25519 SHA-256 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"bad SSHFP algorithm 'ED25519': not a number"#, 0
    ),
    (#"DNSKEY"#, #"256 3 8"#, #"missing DNSKEY public key"#, nil),
    (#"DNSKEY"#, #"256 3 8 AwEAAQ"#, #"bad DNSKEY public key: not valid base64"#, 3),
    (#"DNSKEY"#, #"256 3 8 AwEAAQ=== "#, #"bad DNSKEY public key: not valid base64"#, 3),
    (#"DNSKEY"#, #"65536 3 8 AwEAAQ=="#, #"bad DNSKEY flags '65536': out of range (0-65535)"#, 0),
    (
        #"DS"#, #"1 13 4 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
        #"bad DS digest: SHA-384 digests are 48 octets, this one is 32"#, 3
    ),
    (#"DS"#, #"1 13 5 -"#, #"bad DS digest '-': not valid hexadecimal"#, 3),
    (#"DS"#, #"1 13 5 0"#, #"bad DS digest: odd number of hexadecimal digits"#, 3),
    (#"DS"#, #"65536 13 1 00"#, #"bad DS key tag '65536': out of range (0-65535)"#, 0),
    (#"DS"#, #"1 13 1 zz"#, #"bad DS digest 'zz': not valid hexadecimal"#, 3),
    (
        #"RRSIG"#, #"A 8 2 300 2025010100000 20240101000000 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '2025010100000': use YYYYMMDDHHmmSS or seconds since 1970"#, 4
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20251301000000 20240101000000 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '20251301000000': out of range"#, 4
    ),
    (
        #"RRSIG"#, #"A 8 2 300 4294967296 0 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '4294967296': out of range"#, 4
    ),
    (#"RRSIG"#, #"A 8 256 300 0 0 12345 example. AwEAAQ=="#, #"bad RRSIG labels '256': out of range (0-255)"#, 2),
    (
        #"RRSIG"#, #"FOO 8 2 300 0 0 12345 example. AwEAAQ=="#,
        #"bad RRSIG type covered 'FOO': not a known type mnemonic or TYPEnnn"#, 0
    ),
    (#"RRSIG"#, #"A 8 2 300 0 0 12345 example."#, #"missing RRSIG signature"#, nil),
    (
        #"RRSIG"#, #"A 8 2 300 20250230000000 0 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '20250230000000': out of range"#, 4
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20250229000000 0 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '20250229000000': out of range"#, 4
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20250101240000 0 12345 example. AwEAAQ=="#,
        #"bad RRSIG expiration '20250101240000': out of range"#, 4
    ),
    (#"NSEC"#, #"host.example. FOO"#, #"bad NSEC type 'FOO': not a known type mnemonic or TYPEnnn"#, 1),
    (
        #"NSEC3"#, #"1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3"#,
        #"bad NSEC3 next hashed owner name '2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3': not unpadded base32hex (RFC 4648 §7)"#, 4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3SX"#,
        #"bad NSEC3 next hashed owner name '2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3SX': not unpadded base32hex (RFC 4648 §7)"#,
        4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3W"#,
        #"bad NSEC3 next hashed owner name '2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3W': not unpadded base32hex (RFC 4648 §7)"#, 4
    ),
    (#"NSEC3"#, #"1 0 0 -"#, #"missing NSEC3 next hashed owner name"#, nil),
    (
        #"NSEC3"#, #"1 0 0 "" 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S"#,
        #"bad NSEC3 salt '""': a quoted string is not allowed here"#, 3
    ),
    (
        #"NSEC3"#, #"1 0 65536 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S"#,
        #"bad NSEC3 iterations '65536': out of range (0-65535)"#, 2
    ),
    (
        #"NSEC3"#, #"1 0 0 abc 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S"#,
        #"bad NSEC3 salt 'abc': odd number of hexadecimal digits"#, 3
    ),
    (
        #"NSEC3"#, #"1 0 0 00 00"#,
        #"bad NSEC3 next hashed owner name '00': SHA-1 hashes are 20 octets, this one is 1"#, 4
    ),
    (#"NSEC3"#, #"1 0 0 00 0"#, #"bad NSEC3 next hashed owner name '0': not unpadded base32hex (RFC 4648 §7)"#, 4),
    (#"NSEC3PARAM"#, #"1 0 0 0"#, #"bad NSEC3PARAM salt '0': odd number of hexadecimal digits"#, 3),
    (#"NSEC3PARAM"#, #"1 0 0"#, #"missing NSEC3PARAM salt"#, nil),
    (#"ZONEMD"#, #"1 1 1 00"#, #"bad ZONEMD digest: SHA-384 digests are 48 octets, this one is 1"#, 3),
    (#"ZONEMD"#, #"1 1 1 0011223344556677"#, #"bad ZONEMD digest: SHA-384 digests are 48 octets, this one is 8"#, 3),
    (
        #"ZONEMD"#, #"1 1 1 001122334455667788990011"#,
        #"bad ZONEMD digest: SHA-384 digests are 48 octets, this one is 12"#, 3
    ),
    (#"ZONEMD"#, #"1 0 1 00"#, #"bad ZONEMD digest: SHA-384 digests are 48 octets, this one is 1"#, 3),
    (
        #"ZONEMD"#, #"1 1 2 001122334455667788990011"#,
        #"bad ZONEMD digest: SHA-512 digests are 64 octets, this one is 12"#, 3
    ),
    (
        #"NSEC3"#, #"1 0 0 - 0000"#,
        #"bad NSEC3 next hashed owner name '0000': SHA-1 hashes are 20 octets, this one is 2"#, 4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 00000"#,
        #"bad NSEC3 next hashed owner name '00000': SHA-1 hashes are 20 octets, this one is 3"#, 4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 0000000"#,
        #"bad NSEC3 next hashed owner name '0000000': SHA-1 hashes are 20 octets, this one is 4"#, 4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 00000000"#,
        #"bad NSEC3 next hashed owner name '00000000': SHA-1 hashes are 20 octets, this one is 5"#, 4
    ),
    (#"NSEC3"#, #"1 0 0 - 01"#, #"bad NSEC3 next hashed owner name '01': not unpadded base32hex (RFC 4648 §7)"#, 4),
    (
        #"NSEC3"#, #"1 0 0 - 10"#, #"bad NSEC3 next hashed owner name '10': SHA-1 hashes are 20 octets, this one is 1"#,
        4
    ),
    (#"NSEC3"#, #"1 0 0 - 0001"#, #"bad NSEC3 next hashed owner name '0001': not unpadded base32hex (RFC 4648 §7)"#, 4),
    (
        #"NSEC3"#, #"1 0 0 - 0000000000"#,
        #"bad NSEC3 next hashed owner name '0000000000': SHA-1 hashes are 20 octets, this one is 6"#, 4
    ),
    (
        #"NSEC3"#, #"1 0 0 - 00000000 A"#,
        #"bad NSEC3 next hashed owner name '00000000': SHA-1 hashes are 20 octets, this one is 5"#, 4
    ),
    (
        #"ZONEMD"#, #"1 1 3 0011223344556677889900"#,
        #"bad ZONEMD digest: 11 octets; the minimum is 12 (RFC 8976 §2.2.4)"#, 3
    ),
    (
        #"ZONEMD"#, #"1 2 1 001122334455667788990011"#,
        #"bad ZONEMD digest: SHA-384 digests are 48 octets, this one is 12"#, 3
    ),
    (#"KEY"#, #"256 3 5"#, #"missing KEY public key"#, nil),
    (#"KEY"#, #"0xC000 3 5 AwEAAQ=="#, #"unexpected 'AwEAAQ==': a KEY with the NOKEY flags (0xC000) has no key"#, 3),
    (#"DNSKEY"#, #"NOKEY 3 5"#, #"missing DNSKEY public key"#, nil),
    (
        #"DNSKEY"#, #"257 3 DSA-NSEC3-SHA1 AwEAAQ=="#,
        #"bad DNSKEY algorithm 'DSA-NSEC3-SHA1': not a number or a known mnemonic"#, 2
    ),
    (#"DNSKEY"#, #"257 3 ECC AwEAAQ=="#, #"bad DNSKEY algorithm 'ECC': not a number or a known mnemonic"#, 2),
    (#"DNSKEY"#, #"257 3 256 AwEAAQ=="#, #"bad DNSKEY algorithm '256': out of range (0-255)"#, 2),
    (#"DNSKEY"#, #"ZONE|SEP 3 8 AwEAAQ=="#, #"bad DNSKEY flags 'ZONE|SEP': unknown flag 'SEP'"#, 0),
    (#"DNSKEY"#, #"ZONE|REVOKE 3 8 AwEAAQ=="#, #"bad DNSKEY flags 'ZONE|REVOKE': unknown flag 'REVOKE'"#, 0),
    (#"DNSKEY"#, #"0x10000 3 8 AwEAAQ=="#, #"bad DNSKEY flags '0x10000': out of range (0-65535)"#, 0),
    (#"DNSKEY"#, #"257x 3 8 AwEAAQ=="#, #"bad DNSKEY flags '257x': not a number"#, 0),
    (#"DNSKEY"#, #"257 3 8 AwEA=AQ=="#, #"bad DNSKEY public key: not valid base64"#, 3),
    (#"DNSKEY"#, #"257 3 8 AwEAAQ==AwEAAQ=="#, #"bad DNSKEY public key: not valid base64"#, 3),
    (
        #"DS"#, #"1 13 1 0c72ac70b745ac19998811b131d662c9ac69dbd"#, #"bad DS digest: odd number of hexadecimal digits"#,
        3
    ),
    (#"CDS"#, #"0 0 0 0"#, #"bad CDS digest: odd number of hexadecimal digits"#, 3),
    (#"CDNSKEY"#, #"0 3 0 0"#, #"bad CDNSKEY public key: not valid base64"#, 3),
    (#"CERT"#, #"FOO 0 0 AA=="#, #"bad CERT type 'FOO': not a number or a known mnemonic"#, 0),
    (#"CERT"#, #"1 0 0"#, #"missing CERT certificate"#, nil),
    (#"DNSKEY"#, #"REVOKE 3 8 AA=="#, #"bad DNSKEY flags 'REVOKE': unknown flag 'REVOKE'"#, 0),
    (#"DNSKEY"#, #"SEP 3 8 AA=="#, #"bad DNSKEY flags 'SEP': unknown flag 'SEP'"#, 0),
    (#"DNSKEY"#, #"ENTITY 3 8 AA=="#, #"bad DNSKEY flags 'ENTITY': unknown flag 'ENTITY'"#, 0),
    (#"DNSKEY"#, #"ZONE|KSK|REVOKE 3 8 AA=="#, #"bad DNSKEY flags 'ZONE|KSK|REVOKE': unknown flag 'REVOKE'"#, 0),
    (
        #"NSEC3"#, #"1 0 0 - 00"#, #"bad NSEC3 next hashed owner name '00': SHA-1 hashes are 20 octets, this one is 1"#,
        4
    ),
    (#"CAA"#, #"0 "issue" "x""#, #"bad CAA tag '"issue"': a quoted string is not allowed here"#, 1),
    (#"CAA"#, #"0 is_sue "x""#, #"bad CAA tag 'is_sue': only letters and digits are allowed (RFC 8659 §4.1.1)"#, 1),
    (#"CAA"#, #"0 issue"#, #"missing CAA value"#, nil),
    (#"X25"#, #""31106170095a""#, #"bad X25 PSDN address '31106170095a': only decimal digits are allowed"#, 0),
    (#"X25"#, #""311""#, #"bad X25 PSDN address '311': at least 4 digits are needed"#, 0),
    (#"X25"#, #""""#, #"bad X25 PSDN address '': at least 4 digits are needed"#, 0),
    (#"X25"#, #""31""#, #"bad X25 PSDN address '31': at least 4 digits are needed"#, 0),
    (#"ISDN"#, #""150862028003217" "004" "x""#, #"unexpected 'x' after the RDATA"#, 2),
    (#"GPOS"#, #"1 2"#, #"missing GPOS altitude"#, nil),
    (#"URI"#, #"10 1 "a" "b""#, #"unexpected 'b' after the RDATA"#, 3),
    (#"URI"#, #"65536 1 "a""#, #"bad URI priority '65536': out of range (0-65535)"#, 0),
    (
        #"NAPTR"#, #"100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com" ."#,
        #"bad NAPTR regexp '!^.*$!sip:info@example.com': needs three delimiters ('!ERE!replacement!')"#, 4
    ),
    (
        #"NAPTR"#, #"100 10 "u" "E2U+sip" "!^(.*$!\\1!" ."#,
        #"bad NAPTR regexp '!^(.*$!\\1!': unbalanced '(' in the expression"#, 4
    ),
    (#"NAPTR"#, #"100 10 "" "" "" ".""#, #"bad NAPTR replacement '"."': a quoted string is not allowed here"#, 5),
    (#"NAPTR"#, #"100 10 "" "" "x" ."#, #"bad NAPTR regexp 'x': needs three delimiters ('xERExreplacementx')"#, 4),
    (#"SRV"#, #"1 2 65536 ."#, #"bad SRV port '65536': out of range (0-65535)"#, 2),
    (#"SRV"#, #"1 2 3"#, #"missing SRV target"#, nil),
    (#"AFSDB"#, #"65536 x"#, #"bad AFSDB subtype '65536': out of range (0-65535)"#, 0),
    (#"NSAP"#, #"47"#, #"bad NSAP address '47': must start with 0x"#, 0),
    (#"NSAP"#, #"0x"#, #"bad NSAP address '0x': needs a whole number of octets"#, 0),
    (#"NSAP"#, #"0x4"#, #"bad NSAP address '0x4': needs a whole number of octets"#, 0),
    (#"TXT"#, #""\0""#, #"bad escape in '\0': \DDD needs three decimal digits"#, 0),
    (#"TXT"#, #""\256""#, #"bad escape in '\256': \256 is above 255"#, 0),
    (#"IPSECKEY"#, #"10 0 2 ."#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 0 0 ."#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 1 0 192.0.2.1"#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 2 0 2001:db8::1"#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 3 0 gw.example."#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 3 0 gw"#, #"missing IPSECKEY public key"#, nil),
    (#"IPSECKEY"#, #"10 4 0 gw"#, #"bad IPSECKEY gateway type '4': out of range (0-3)"#, 1),
    (#"IPSECKEY"#, #"10 0 0 gw"#, #"bad IPSECKEY gateway 'gw': type 0 means no gateway, written '.'"#, 3),
    (#"IPSECKEY"#, #"10 1 0 gw"#, #"bad IPSECKEY gateway 'gw': not an IPv4 address"#, 3),
    (#"IPSECKEY"#, #"10 0 3 ."#, #"missing IPSECKEY public key"#, nil),
    (#"HIP"#, #"2 200100107B1A74DF365639CC39F1D578"#, #"missing HIP public key"#, nil),
    (#"HIP"#, #"2 - AwEAAQ=="#, #"bad HIP HIT '-': odd number of hexadecimal digits"#, 1),
    (#"HIP"#, #"256 2001 AwEAAQ=="#, #"bad HIP PK algorithm '256': out of range (0-255)"#, 0),
    (#"DHCID"#, #""#, #"missing DHCID data"#, nil),
    (#"OPENPGPKEY"#, #""#, #"missing OPENPGPKEY key"#, nil),
    (#"TLSA"#, #"256 1 1 00"#, #"bad TLSA certificate usage '256': out of range (0-255)"#, 0),
    (#"TLSA"#, #"PKIX-TA 1 1 00"#, #"bad TLSA certificate usage 'PKIX-TA': not a number"#, 0),
    (#"TLSA"#, #"3 SPKI SHA2-256 00"#, #"bad TLSA selector 'SPKI': not a number"#, 1),
    (#"AMTRELAY"#, #"0 0 0"#, #"missing AMTRELAY relay"#, nil),
    (#"AMTRELAY"#, #"0 2 0 ."#, #"bad AMTRELAY discovery optional bit '2': out of range (0-1)"#, 1),
    (#"AMTRELAY"#, #"0 1 4 foo"#, #"bad AMTRELAY relay type '4': out of range (0-3)"#, 2),
    (#"AMTRELAY"#, #"0 1 0 x"#, #"bad AMTRELAY relay 'x': type 0 means no gateway, written '.'"#, 3),
    (
        #"LOC"#, #"42 21 54.5 N 71 06 18.1234 W -24 30 10000 10"#,
        #"bad LOC longitude seconds '18.1234': a number with at most three decimals"#, 6
    ),
    (#"LOC"#, #"91 N 0 E 0"#, #"bad LOC latitude degrees '91': out of range (0-90)"#, 0),
    (#"LOC"#, #"0 60 N 0 E 0"#, #"bad LOC latitude minutes '60': out of range (0-59)"#, 1),
    (#"LOC"#, #"0 0 60 N 0 E 0"#, #"bad LOC latitude seconds '60': out of range (0-59.999)"#, 2),
    (#"LOC"#, #"0 0 59.9999 N 0 E 0"#, #"bad LOC latitude seconds '59.9999': a number with at most three decimals"#, 2),
    (
        #"LOC"#, #"0 N 0 E -100000.01m"#,
        #"bad LOC altitude '-100000.01m': out of range (-100000.00m to 42849672.95m)"#, 4
    ),
    (
        #"LOC"#, #"0 N 0 E 42849672.96m"#,
        #"bad LOC altitude '42849672.96m': out of range (-100000.00m to 42849672.95m)"#, 4
    ),
    (#"LOC"#, #"0 N 0 E 0 90000001m"#, #"bad LOC size '90000001m': out of range (0-90000000m)"#, 5),
    (#"LOC"#, #"0 N 0 E 0 1.234m"#, #"bad LOC size '1.234m': a number of metres with at most two decimals"#, 5),
    (#"LOC"#, #"0 N 0 E 0 1 2 3 4"#, #"unexpected '4' after the RDATA"#, 8),
    (#"LOC"#, #"0 N 0 E"#, #"missing LOC altitude"#, nil),
    (#"LOC"#, #"0 0 0.0001 N 0 E 0"#, #"bad LOC latitude seconds '0.0001': a number with at most three decimals"#, 2),
    (#"LOC"#, #"1 2 3.1 n 4 5 6.7 e 8.9m"#, #"bad LOC latitude hemisphere 'n': expected N or S"#, 3),
    (#"LOC"#, #"0 N 0 E 10.123m"#, #"bad LOC altitude '10.123m': a number of metres with at most two decimals"#, 4),
    (#"APL"#, #"1:192.168.32.0/33"#, #"bad APL item '1:192.168.32.0/33': prefix must be 0-32"#, 0),
    (#"APL"#, #"3:1.2.3.4/32"#, #"bad APL item '3:1.2.3.4/32': address family must be 1 (IPv4) or 2 (IPv6)"#, 0),
    (#"APL"#, #"1:192.168.32.0"#, #"bad APL item '1:192.168.32.0': use [!]afi:address/prefix"#, 0),
    (#"WKS"#, #"192.0.2.1 tcp 65536"#, #"bad WKS service '65536': out of range (0-65535)"#, 2),
    (
        #"WKS"#, #"192.0.2.1 tcp nosuchservice"#,
        #"bad WKS service 'nosuchservice': not a port number or a known service of protocol 6"#, 2
    ),
    (#"WKS"#, #"192.0.2.1 256 0"#, #"bad WKS protocol '256': out of range (0-255)"#, 1),
    (
        #"WKS"#, #"192.0.2.1 tcp http https ssh telnet pop3 imap submission ldap kerberos ntp"#,
        #"bad WKS service 'ntp': not a port number or a known service of protocol 6"#, 11
    ),
    (#"EUI48"#, #"00:00:5e:00:53:2a"#, #"bad EUI48 address '00:00:5e:00:53:2a': use 6 hex pairs joined by '-'"#, 0),
    (#"NID"#, #"10 0014:4fff:ff20"#, #"bad NID node identifier '0014:4fff:ff20': use four hex groups x:x:x:x"#, 1),
    (#"L64"#, #"10 2001:db8::1000"#, #"bad L64 locator '2001:db8::1000': use four hex groups x:x:x:x"#, 1),
    (#"L32"#, #"10 10.1.2"#, #"bad L32 locator '10.1.2': not an IPv4 address"#, 1),
    (#"LOC"#, #"90 1 N 0 E 0"#, #"bad LOC latitude: more than 90 degrees"#, 2),
    (#"LOC"#, #"90 0 0.001 N 0 E 0"#, #"bad LOC latitude: more than 90 degrees"#, 3),
    (#"LOC"#, #"0 N 180 0 1 E 0"#, #"bad LOC longitude: more than 180 degrees"#, 5),
    (#"LOC"#, #"0 N 0 E 0 0.001m"#, #"bad LOC size '0.001m': a number of metres with at most two decimals"#, 5),
    (#"LOC"#, #"0 N 0 E m"#, #"bad LOC altitude 'm': a number of metres with at most two decimals"#, 4),
    (#"LOC"#, #"0 N 0 E 1 -1m"#, #"bad LOC size '-1m': a number of metres with at most two decimals"#, 5),
    (#"LOC"#, #"0 N 0 E 5.1.1"#, #"bad LOC altitude '5.1.1': a number of metres with at most two decimals"#, 4),
    (#"LOC"#, #"0 1.5 N 0 E 0"#, #"bad LOC latitude minutes '1.5': not a number"#, 1),
    (#"DOA"#, #"0 1 2 "text/plain" AwEA AAQ=="#, #"bad DOA data: not valid base64"#, 4),
    (#"DOA"#, #"0 1 2 text/plain"#, #"missing DOA data"#, nil),
    (#"DOA"#, #"0 0 0 "" """#, #"bad DOA data '""': a quoted string is not allowed here"#, 4),
    (
        #"L64"#, #"10 2001:0db8:1140:1000:1"#, #"bad L64 locator '2001:0db8:1140:1000:1': use four hex groups x:x:x:x"#,
        1
    ),
    (#"SVCB"#, #"1 foo.example.com. key123=abc key123=def"#, #"bad SVCB parameter: key123 is given twice"#, 3),
    (#"SVCB"#, #"1 foo.example.com. mandatory"#, #"bad SVCB parameter 'mandatory': needs a value"#, 2),
    (#"SVCB"#, #"1 foo.example.com. alpn"#, #"bad SVCB parameter 'alpn': needs a value"#, 2),
    (#"SVCB"#, #"1 foo.example.com. port"#, #"bad SVCB parameter 'port': needs a value"#, 2),
    (#"SVCB"#, #"1 foo.example.com. ipv4hint"#, #"bad SVCB parameter 'ipv4hint': needs a value"#, 2),
    (#"SVCB"#, #"1 foo.example.com. ipv6hint"#, #"bad SVCB parameter 'ipv6hint': needs a value"#, 2),
    (
        #"SVCB"#, #"1 foo.example.com. no-default-alpn=abc"#,
        #"bad SVCB parameter 'no-default-alpn=abc': takes no value"#, 2
    ),
    (
        #"SVCB"#, #"1 foo.example.com. mandatory=key123"#,
        #"bad SVCB parameters: mandatory lists key123, which is not given"#, 2
    ),
    (
        #"SVCB"#, #"1 foo.example.com. mandatory=mandatory"#,
        #"bad SVCB parameter 'mandatory=mandatory': mandatory may not list itself"#, 2
    ),
    (
        #"SVCB"#, #"1 foo.example.com. mandatory=key123,key123 key123=abc"#,
        #"bad SVCB parameter 'mandatory=key123,key123': lists key123 twice"#, 2
    ),
    (#"SVCB"#, #"0 . mandatory=alpn"#, #"bad SVCB parameters: mandatory lists alpn, which is not given"#, 2),
    (
        #"SVCB"#, #"0 . unknown=wha"#,
        #"bad SVCB parameter 'unknown=wha': unknown key 'unknown' (use a registered name or keyNNNNN)"#, 2
    ),
    (#"SVCB"#, #"1 . no-default-alpn"#, #"bad SVCB parameters: no-default-alpn needs an alpn parameter"#, 2),
    (#"SVCB"#, #"1 . key0=port"#, #"bad SVCB parameters: mandatory lists key28783, which is not given"#, 2),
    (#"SVCB"#, #"1 . key1=h2"#, #"bad SVCB parameter 'key1=h2': bad protocol id list"#, 2),
    (
        #"SVCB"#, #"1 . key65536=x"#,
        #"bad SVCB parameter 'key65536=x': unknown key 'key65536' (use a registered name or keyNNNNN)"#, 2
    ),
    (
        #"SVCB"#, #"1 . key01=x"#,
        #"bad SVCB parameter 'key01=x': unknown key 'key01' (use a registered name or keyNNNNN)"#, 2
    ),
    (
        #"SVCB"#, #"1 . KEY1=h2"#,
        #"bad SVCB parameter 'KEY1=h2': unknown key 'KEY1' (use a registered name or keyNNNNN)"#, 2
    ),
    (
        #"SVCB"#, #"1 . ALPN=h2"#,
        #"bad SVCB parameter 'ALPN=h2': unknown key 'ALPN' (use a registered name or keyNNNNN)"#, 2
    ),
    (#"SVCB"#, #"1 . port=65536"#, #"bad SVCB parameter 'port=65536': port must be a number 0-65535"#, 2),
    (#"SVCB"#, #"1 . port="#, #"bad SVCB parameter 'port=': needs a value"#, 2),
    (#"SVCB"#, #"1 . port="""#, #"bad SVCB parameter 'port=""': needs a value"#, 2),
    (#"SVCB"#, #"1 . ipv4hint=1.2.3.4,"#, #"bad SVCB parameter 'ipv4hint=1.2.3.4,': '' is not an IPv4 address"#, 2),
    (#"SVCB"#, #"1 . ech=AA"#, #"bad SVCB parameter 'ech=AA': not valid base64"#, 2),
    (#"SVCB"#, #"1 . ohttp=x"#, #"bad SVCB parameter 'ohttp=x': takes no value"#, 2),
    (#"SVCB"#, #"1 . dohpath=/x"#, #"bad SVCB parameter 'dohpath=/x': must contain a {?dns} variable"#, 2),
    (
        #"SVCB"#, #"1 . dohpath=x"#,
        #"bad SVCB parameter 'dohpath=x': must be a relative URI template starting with '/'"#, 2
    ),
    (
        #"SVCB"#, #"1 . dohpath=/x{?notdns}"#,
        #"bad SVCB parameter 'dohpath=/x{?notdns}': must contain a {?dns} variable"#, 2
    ),
    (#"SVCB"#, #"1 . alpn=h2 "port=53""#, #"bad SVCB parameter '"port=53"': write key=value or key="value""#, 3),
    (#"SVCB"#, #"1 . alpn= h2"#, #"bad SVCB parameter 'alpn=': needs a value"#, 2),
    (#"SVCB"#, #"1 . "alpn=h2""#, #"bad SVCB parameter '"alpn=h2"': write key=value or key="value""#, 2),
    (#"SVCB"#, #"1 . key7=/x"#, #"bad SVCB parameter 'key7=/x': must contain a {?dns} variable"#, 2),
    (#"SVCB"#, #"65536 ."#, #"bad SVCB priority '65536': out of range (0-65535)"#, 0),
    (#"SVCB"#, #"1"#, #"missing SVCB target name"#, nil),
    (#"SVCB"#, #"1 . mandatory=port,port port=1"#, #"bad SVCB parameter 'mandatory=port,port': lists port twice"#, 2),
    (#"SVCB"#, #"1 . alpn="#, #"bad SVCB parameter 'alpn=': needs a value"#, 2),
    (#"SVCB"#, #"1 . alpn="""#, #"bad SVCB parameter 'alpn=""': needs a value"#, 2),
    (#"SVCB"#, #"1 . mandatory="#, #"bad SVCB parameter 'mandatory=': needs a value"#, 2),
    (#"SVCB"#, #"1 . ipv6hint="#, #"bad SVCB parameter 'ipv6hint=': needs a value"#, 2),
    (#"SVCB"#, #"1 . key2=x alpn=h2"#, #"bad SVCB parameter 'key2=x': takes no value"#, 2),
    (#"SVCB"#, #"1 . port=+53"#, #"bad SVCB parameter 'port=+53': port must be a number 0-65535"#, 2),
    (
        #"SVCB"#, #"1 . ipv4hint="1.2.3.4, 5.6.7.8""#,
        #"bad SVCB parameter 'ipv4hint="1.2.3.4, 5.6.7.8"': ' 5.6.7.8' is not an IPv4 address"#, 2
    ),
    (#"SVCB"#, #"1 . key4=\001\002\003"#, #"bad SVCB parameter 'key4=\001\002\003': needs IPv4 addresses"#, 2),
    (#"SVCB"#, #"1 . key6=\001"#, #"bad SVCB parameter 'key6=\001': needs IPv6 addresses"#, 2),
    (
        #"SVCB"#, #"1 . key0=\000\003\000\003 port=1"#,
        #"bad SVCB parameter 'key0=\000\003\000\003': lists port twice"#, 2
    ),
    (#"SVCB"#, #"1 . dohpath=/\255{?dns}"#, #"bad SVCB parameter 'dohpath=/\255{?dns}': must be UTF-8"#, 2),
    (
        #"RRSIG"#, #"A 8 0 300 20250101000000 20240101000000 12345 a AwEAAQ=="#,
        #"bad RRSIG signer name 'a': it has 2 labels, more than the labels field (0)"#, 7
    ),
    (
        #"RRSIG"#, #"A 0 0 0 0 0 0 a% AA=="#,
        #"bad RRSIG signer name 'a%': it has 2 labels, more than the labels field (0)"#, 7
    ),
    (
        #"RRSIG"#, #"A 0 0 0 0 0 0 a AA=="#,
        #"bad RRSIG signer name 'a': it has 2 labels, more than the labels field (0)"#, 7
    ),
    (
        #"RRSIG"#, #"A 0 0 0 1 0 0 a AA=="#,
        #"bad RRSIG signer name 'a': it has 2 labels, more than the labels field (0)"#, 7
    ),
    (
        #"RRSIG"#, #"A 0 0 0 10 0 0 a AA=="#,
        #"bad RRSIG signer name 'a': it has 2 labels, more than the labels field (0)"#, 7
    ),
    (
        #"RRSIG"#, #"A 8 1 300 20250101000000 20240101000000 12345 a AwEAAQ=="#,
        #"bad RRSIG signer name 'a': it has 2 labels, more than the labels field (1)"#, 7
    ),
    (
        #"RRSIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 b.a AwEAAQ=="#,
        #"bad RRSIG signer name 'b.a': it has 3 labels, more than the labels field (2)"#, 7
    ),
    (
        #"RRSIG"#, #"A 8 1 300 20250101000000 20240101000000 12345 b.a AwEAAQ=="#,
        #"bad RRSIG signer name 'b.a': it has 3 labels, more than the labels field (1)"#, 7
    ),
    (
        #"RRSIG"#, #"A 8 1 300 20250101000000 20240101000000 12345 *.example. AwEAAQ=="#,
        #"bad RRSIG signer name '*.example.': it has 2 labels, more than the labels field (1)"#, 7
    ),
    (#"A"#, #"01.2.3.4"#, #"bad IPv4 address '01.2.3.4'"#, 0),
    (#"A"#, #"1.2.3"#, #"bad IPv4 address '1.2.3'"#, 0),
    (#"AAAA"#, #"1::2::3"#, #"bad IPv6 address '1::2::3'"#, 0),
    (#"MX"#, #"10"#, #"missing exchange"#, nil),
    (#"CNAME"#, #"a..b"#, #"bad domain name 'a..b': empty label (two dots in a row, or a leading dot)"#, 0),
    (#"TXT"#, #""\300""#, #"bad escape in '\300': \300 is above 255"#, 0),
]

/// RFC 9460 Appendix D presentation vectors and their wire form (from dnspython's test data).
let svcbVectors: [(rdata: String, wire: String)] = [
    (#"0 foo.example.com."#, "000003666F6F076578616D706C6503636F6D00"),
    (#"1 ."#, "000100"),
    (#"16 foo.example.com. port=53"#, "001003666F6F076578616D706C6503636F6D00000300020035"),
    (#"1 foo.example.com. key667=hello"#, "000103666F6F076578616D706C6503636F6D00029B000568656C6C6F"),
    (#"1 foo.example.com. key667="hello\210qoo""#, "000103666F6F076578616D706C6503636F6D00029B000968656C6C6FD2716F6F"),
    (
        #"1 foo.example.com. ipv6hint="2001:db8::1,2001:db8::53:1""#,
        "000103666F6F076578616D706C6503636F6D000006002020010DB800000000000000000000000120010DB8000000000000000000530001"
    ),
    (
        #"1 example.com. ipv6hint="2001:db8:ffff:ffff:ffff:ffff:198.51.100.100""#,
        "0001076578616D706C6503636F6D000006001020010DB8FFFFFFFFFFFFFFFFC6336464"
    ),
    (
        #"16 foo.example.org. alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1"#,
        "001003666F6F076578616D706C65036F7267000000000400010004000100090268320568332D313900040004C0000201"
    ),
    (
        #"16 foo.example.org. alpn="f\\\\oo\\,bar,h2""#,
        "001003666F6F076578616D706C65036F7267000001000C08665C6F6F2C626172026832"
    ),
    (
        #"16 foo.example.org. alpn=f\\\092oo\092,bar,h2"#,
        "001003666F6F076578616D706C65036F7267000001000C08665C6F6F2C626172026832"
    ),
]
