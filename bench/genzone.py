#!/usr/bin/env python3
"""Write a large zone file of the kind people keep, the same bytes for the same arguments.

    bench/genzone.py -n 1m -s 1 --origin example.com. -o zone-1m.zone
    bench/genzone.py -n 100k --portable -o zone-100k-portable.zone

bench/run and bench/scale time zone readers on these files, so the file has to exercise what a
reader meets in real zones, not only `name IN A address` lines:

- `$ORIGIN` and `$TTL` at the top, and again in the body (a block of names under a subdomain
  origin, a changed default TTL);
- an apex with a multi-line SOA (a comment per field), NS, MX, SPF, a verification TXT, CAA,
  A/AAAA, glue for the name servers and mail exchangers, DMARC and a DKIM key;
- hosts with A, AAAA, TXT (tokens, quoted strings holding `\\"` and `;`, unquoted words) and CAA;
- aliases (CNAME to an in-zone host, relative or absolute, or to a name elsewhere);
- mail domains `mailN`: MX, SPF, `_dmarc.mailN` and a DKIM key of 1024, 2048 or 4096 bits split
  into quoted strings over several lines inside parentheses (a well-formed RSA
  SubjectPublicKeyInfo with a random modulus);
- SRV sets, a few written over two lines in parentheses;
- delegations `custN`: NS, glue A/AAAA, sometimes a DS;
- blank owners (the previous owner continues), absolute owners, `@`;
- TTLs in seconds and with units (`1h30m`, `2d`, `1W`), class before or after the TTL or absent,
  now and then a lower-case class and type;
- comment lines, comments after records, blank lines.

`-n` is the exact number of records. A group of records (a host and its addresses, a delegation
and its glue) is never cut: when the next group would pass the count, `fillN` A records make up
the rest. Every RRset has one TTL, no name has a CNAME beside other data, nothing lies below a
delegation but its glue, no record is written twice: BIND's named-checkzone, Knot's kzonecheck,
NSD's nsd-checkzone and dnspython (octodns-bind) read the file without errors.

`--portable` spells the same records so that ldns-read-zone 1.8.3 reads them too: TTLs in
seconds only, the TTL always before the class, upper-case class and type. Names and record
counts are the same in both spellings.
"""

import argparse
import base64
import random
import sys

LABELS = (
    "www mail api cdn app dev stage vpn git db shop blog static img auth sso portal intra files "
    "backup smtp imap web edge lb proxy cache ci build docs wiki status metrics grafana jira chat "
    "meet video media assets store pay billing crm erp hr lab test qa uat prod beta admin panel "
    "login id accounts mobile ws push events queue kafka redis ldap ntp log mon vault consul k8s "
    "node worker gw"
).split()
SITES = ("eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-east", "sa-east")
ELSEWHERE = (
    "d111abcdef8.cloudfront.net.", "shop-example.myshopify.com.", "example.github.io.",
    "ghs.googlehosted.com.", "lb-42.elb.amazonaws.com.", "example-site.netlify.app.",
    "edge.fastly.net.", "app-example.azurewebsites.net.",
)
SPF_INCLUDES = ("_spf.google.com", "spf.protection.outlook.com", "sendgrid.net", "mailgun.org",
                "amazonses.com", "servers.mcsv.net", "spf.mandrillapp.com")
CAA_ISSUERS = ("letsencrypt.org", "digicert.com", "sectigo.com", "pki.goog", "amazon.com")
SERVICES = (("_sip._tcp", 5060), ("_sip._udp", 5060), ("_sips._tcp", 5061),
            ("_xmpp-client._tcp", 5222), ("_xmpp-server._tcp", 5269), ("_imaps._tcp", 993),
            ("_submission._tcp", 587), ("_caldavs._tcp", 443), ("_ldap._tcp", 389),
            ("_kerberos._udp", 88), ("_autodiscover._tcp", 443))
SELECTORS = ("s1", "s2", "k1", "mta", "google", "selector1", "dkim")
TTLS_SECONDS = ("60", "300", "600", "900", "1800", "3600", "7200", "14400", "43200", "86400")
TTLS_UNITS = ("300", "3600", "86400", "5m", "10m", "1h", "1H", "1h30m", "2h", "12h", "1d", "2d",
              "1w", "1W", "30M")
TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def der(tag, body):
    """One DER element: tag, definite length (short or long form), body."""
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        octets = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(octets)]) + octets
    return bytes([tag]) + length + body


def rsa_public_key(rng, bits):
    """An RSA SubjectPublicKeyInfo (RFC 5280, RFC 8017) with a random odd modulus of `bits` bits
    and exponent 65537, base64: what a DKIM `p=` tag holds."""
    modulus = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
    integer = modulus.to_bytes(bits // 8, "big")
    if integer[0] & 0x80:
        integer = b"\x00" + integer  # DER INTEGER is signed: a leading zero keeps it positive
    rsa_key = der(0x30, der(0x02, integer) + der(0x02, (65537).to_bytes(3, "big")))
    algorithm = der(0x30, der(0x06, bytes.fromhex("2a864886f70d010101")) + der(0x05, b""))
    spki = der(0x30, algorithm + der(0x03, b"\x00" + rsa_key))
    return base64.b64encode(spki).decode("ascii")


class ZoneText:
    """The zone's text, written group by group; `records` counts what has been written."""

    def __init__(self, seed, origin, portable):
        self.rng = random.Random(seed)
        self.origin = origin if origin.endswith(".") else origin + "."
        self.portable = portable
        self.origin_now = self.origin  # the $ORIGIN in force
        self.serial = 0                # makes every new owner name unique
        self.hosts = []                # names with addresses, relative to the zone's origin
        self.lines = []
        self.records = 0

    # ---- pieces of a record line -----------------------------------------------------------

    def fresh(self, label):
        self.serial += 1
        return f"{label}{self.serial}"

    def ipv4(self):
        rng = self.rng
        if rng.random() < 0.5:
            prefix = rng.choice(("192.0.2", "198.51.100", "203.0.113"))
            return f"{prefix}.{rng.randint(1, 254)}"
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def ipv6(self):
        rng = self.rng
        words = ["2001", "db8"] + [f"{rng.randint(0, 0xffff):x}" for _ in range(6)]
        style = rng.random()
        if style < 0.4:
            return ":".join(words[:4]) + f"::{rng.randint(1, 0xfff):x}"
        if style < 0.9:
            return ":".join(words)
        return ":".join(word.zfill(4).upper() for word in words)

    def token(self, length):
        return "".join(self.rng.choice(TOKEN_ALPHABET) for _ in range(length))

    def ttl(self):
        """An explicit TTL for an RRset, or '' to take the $TTL in force (most records)."""
        if self.rng.random() < 0.8:
            return ""
        return self.rng.choice(TTLS_SECONDS if self.portable else TTLS_UNITS)

    def fields(self, ttl, rtype):
        """TTL, class and type in one of the orders RFC 1035 §5.1 allows."""
        rng = self.rng
        klass = "IN"
        if not self.portable and rng.random() < 0.02:
            klass, rtype = "in", rtype.lower()
        order = rng.random()
        if not ttl:
            return f"{klass}\t{rtype}" if order < 0.7 else rtype
        if order < 0.6 or (self.portable and order < 0.85):
            return f"{ttl}\t{klass}\t{rtype}"
        if order < 0.85:
            return f"{klass}\t{ttl}\t{rtype}"
        return f"{ttl}\t{rtype}"

    def owner(self, name, continuing):
        """The owner column: blank when the previous owner continues (mostly), else the name
        relative, absolute, or `@` for the origin."""
        rng = self.rng
        if continuing and rng.random() < 0.7:
            return ""
        if name == "@":
            return "@" if rng.random() < 0.8 else self.origin_now
        if rng.random() < 0.08:
            return f"{name}.{self.origin_now}"
        return name

    def in_zone(self, name):
        """A domain name in RDATA for an in-zone name: relative, or now and then absolute."""
        return f"{name}.{self.origin_now}" if self.rng.random() < 0.15 else name

    def rrset(self, name, rtype, values, comment=None, ttl=None, first=True):
        """The records of one RRset, one TTL for all; the first line names the owner unless
        `first` is false (the owner continues from the line before)."""
        if ttl is None:
            ttl = self.ttl()
        for index, value in enumerate(values):
            line = f"{self.owner(name, index > 0 or not first)}\t{self.fields(ttl, rtype)}\t{value}"
            if comment and index == 0:
                line += f"\t; {comment}"
            self.lines.append(line)
            self.records += 1

    def distinct(self, make, count):
        values = []
        while len(values) < count:
            value = make()
            if value not in values:
                values.append(value)
        return values

    def spf(self, *first):
        rng = self.rng
        terms = ["v=spf1", "mx", *first]
        terms.append(f"ip4:{self.ipv4().rsplit('.', 1)[0]}.0/{rng.choice((24, 25, 26, 28))}")
        if rng.random() < 0.4:
            terms.append(f"ip6:2001:db8:{rng.randint(1, 0xffff):x}::/48")
        terms += [f"include:{host}" for host in rng.sample(SPF_INCLUDES, rng.randint(0, 3))]
        terms.append(rng.choice(("-all", "~all", "?all")))
        return '"' + " ".join(terms) + '"'

    def dkim(self, name, bits):
        """A DKIM key record over several lines: quoted strings of a chosen width in parentheses."""
        rng = self.rng
        key = "p=" + rsa_public_key(rng, bits)
        width = rng.choice((64, 100, 128, 200, 255))
        strings = [key[i:i + width] for i in range(0, len(key), width)]
        self.lines.append(f"{self.owner(name, False)}\t{self.fields(self.ttl(), 'TXT')}\t( \"v=DKIM1; k=rsa; \"")
        for string in strings[:-1]:
            self.lines.append(f"\t\t\t\t\"{string}\"")
        self.lines.append(f"\t\t\t\t\"{strings[-1]}\" )\t; RSA {bits} bits")
        self.records += 1

    # ---- groups of records -----------------------------------------------------------------

    def apex(self):
        origin = self.origin
        domain = origin[:-1]
        self.lines += [
            f"; {origin} apex",
            f"@\tIN\tSOA\tns1.{origin} hostmaster.{origin} (",
            "\t\t\t2024061501\t; serial, YYYYMMDDnn",
            "\t\t\t7200\t\t; refresh, 2 hours",
            "\t\t\t3600\t\t; retry, 1 hour",
            "\t\t\t1209600\t\t; expire, 2 weeks",
            "\t\t\t300 )\t\t; negative answers, 5 minutes",
        ]
        self.records += 1
        self.rrset("@", "NS", ["ns1", f"ns2.{origin}", "ns.example.net."], ttl="", first=False)
        self.rrset("@", "MX", ["10 mx1", f"20 mx2.{origin}"], ttl="", first=False)
        self.rrset("@", "TXT", [self.spf("a"), f'"google-site-verification={self.token(43)}"'], ttl="", first=False)
        self.rrset("@", "CAA", ['0 issue "letsencrypt.org"', '0 issuewild ";"', f'0 iodef "mailto:security@{domain}"'],
                   ttl="", first=False)
        self.rrset("@", "A", ["192.0.2.80"], ttl="", first=False)
        self.rrset("@", "AAAA", ["2001:db8::80"], ttl="", first=False)
        self.lines.append("")
        for name, v4, v6 in (("ns1", "192.0.2.53", "2001:db8::53"), ("ns2", "198.51.100.53", "2001:db8:1::53"),
                             ("mx1", "192.0.2.25", "2001:db8::25"), ("mx2", "203.0.113.25", None)):
            self.rrset(name, "A", [v4], ttl="")
            if v6:
                self.rrset(name, "AAAA", [v6], ttl="", first=False)
            self.hosts.append(name)
        self.rrset("_dmarc", "TXT", [f'"v=DMARC1; p=quarantine; pct=100; rua=mailto:dmarc@{domain}; fo=1"'], ttl="")
        self.dkim("s1._domainkey", 2048)
        self.rrset("www", "CNAME", ["@"], ttl="")
        self.lines.append("")

    def host(self):
        rng = self.rng
        name = self.fresh(rng.choice(LABELS))
        if rng.random() < 0.3:
            name += "." + rng.choice(SITES)
        remark = rng.choice((None,) * 12 + ("primary", "failover", "old address, remove after the move"))
        self.rrset(name, "A", self.distinct(self.ipv4, rng.choice((1, 1, 1, 1, 2, 2, 3))), comment=remark)
        if rng.random() < 0.55:
            self.rrset(name, "AAAA", self.distinct(self.ipv6, rng.choice((1, 1, 2))), first=False)
        if rng.random() < 0.12:
            text = rng.choice((
                f'"google-site-verification={self.token(43)}"',
                f'"MS=ms{rng.randint(0, 99999999):08d}"',
                f'"facebook-domain-verification={self.token(30).lower()}"',
                f'"owner=team-{rng.randint(1, 99)}; contact=ops@{self.origin[:-1]}"',
                '"a \\"quoted\\" word; not a comment" "and a second string"',
                '"v=spf1 -all"',
                f"unquoted-word-{rng.randint(0, 9999)}",
            ))
            self.rrset(name, "TXT", [text], first=False)
        if rng.random() < 0.03:
            self.rrset(name, "CAA", [f'0 issue "{rng.choice(CAA_ISSUERS)}"'], first=False)
        if "." not in name:
            self.hosts.append(name)

    def recent_host(self):
        """One of the last 5,000 hosts: records point near themselves, as in zones kept by hand."""
        hosts = self.hosts
        return hosts[self.rng.randrange(max(0, len(hosts) - 5000), len(hosts))]

    def alias(self):
        rng = self.rng
        name = self.fresh(rng.choice(LABELS))
        target = self.in_zone(self.recent_host()) if rng.random() < 0.7 else rng.choice(ELSEWHERE)
        self.rrset(name, "CNAME", [target])

    def mail_domain(self):
        rng = self.rng
        name = self.fresh("mail")
        self.lines.append(f"; mail domain {name}")
        self.rrset(name, "MX", [f"10 {self.in_zone('mx1')}", f"20 {self.in_zone('mx2')}"])
        self.rrset(name, "TXT", [self.spf()], first=False)
        policy = rng.choice(("none", "quarantine", "reject"))
        self.rrset(f"_dmarc.{name}", "TXT", [f'"v=DMARC1; p={policy}; rua=mailto:dmarc@{name}.{self.origin[:-1]}"'])
        self.dkim(f"{rng.choice(SELECTORS)}._domainkey.{name}", rng.choice((1024, 2048, 2048, 2048, 4096)))

    def services(self):
        rng = self.rng
        if not self.hosts:
            return self.host()
        service, port = rng.choice(SERVICES)
        name = f"{service}.{self.fresh('svc')}"
        targets = self.distinct(lambda: (rng.choice((0, 10, 20)), rng.choice((0, 5, 60, 100)), self.recent_host()),
                                rng.choice((1, 2, 2, 3)))
        values = []
        for priority, weight, host in targets:
            if rng.random() < 0.15:
                values.append(f"( {priority} {weight}\n\t\t\t\t{port} {self.in_zone(host)} )")
            else:
                values.append(f"{priority} {weight} {port} {self.in_zone(host)}")
        self.rrset(name, "SRV", values)

    def delegation(self):
        rng = self.rng
        name = self.fresh("cust")
        self.lines.append(f"; delegated to the customer, {name}")
        self.rrset(name, "NS", [f"ns1.{name}", f"ns2.{name}"])
        if rng.random() < 0.3:
            self.rrset(name, "DS", [f"{rng.randint(1, 65535)} 13 2 {rng.getrandbits(256):064X}"], first=False)
        self.rrset(f"ns1.{name}", "A", [self.ipv4()])
        if rng.random() < 0.5:
            self.rrset(f"ns1.{name}", "AAAA", [self.ipv6()], first=False)
        self.rrset(f"ns2.{name}", "A", [self.ipv4()])

    def subdomain(self):
        """A few names written relative to a subdomain's $ORIGIN, then the zone's origin again."""
        rng = self.rng
        site = self.fresh("site")
        self.origin_now = f"{site}.{self.origin}"
        self.lines += ["", f"$ORIGIN {self.origin_now}\t; the names below are under {site}"]
        self.rrset("@", "A", [self.ipv4()])
        for _ in range(rng.randint(2, 6)):
            name = self.fresh(rng.choice(LABELS) + "-")
            self.rrset(name, "A", [self.ipv4()])
            if rng.random() < 0.4:
                self.rrset(name, "AAAA", [self.ipv6()], first=False)
        self.origin_now = self.origin
        self.lines += [f"$ORIGIN {self.origin}", ""]

    def default_ttl(self):
        ttl = self.rng.choice(TTLS_SECONDS if self.portable else TTLS_UNITS)
        self.lines.append(f"$TTL {ttl}\t; the default from here on")

    def remark(self):
        rng = self.rng
        topic = rng.choice(("customer sites", "old hosts", "moved from the old provider", "marketing", "internal"))
        self.lines += ["", ";", f"; ---- {topic} (ticket OPS-{rng.randint(1000, 99999)}) ----", ";"]

    def some_group(self):
        """The next group, in the proportions of a hosting provider's zone."""
        draw = self.rng.random()
        for limit, group in ((0.55, self.host), (0.70, self.alias), (0.76, self.mail_domain),
                             (0.84, self.services), (0.90, self.delegation), (0.92, self.subdomain),
                             (0.93, self.default_ttl), (0.95, self.remark)):
            if draw < limit:
                return group()
        return self.host()


def count(text):
    """`1m`, `100k` or a number of records."""
    text = text.strip().lower()
    scale = {"k": 1000, "m": 1000000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def write_zone(out, records, seed, origin, portable):
    """Writes the zone, group by group; returns the number of records written (always `records`)."""
    zone = ZoneText(seed, origin, portable)
    out.write(f"; {zone.origin} written by bench/genzone.py -n {records} -s {seed}{' --portable' if portable else ''}\n"
              "; Made-up data: addresses from the documentation and private ranges.\n"
              f"$ORIGIN {zone.origin}\n$TTL 3600\t; 1 hour\n\n")
    zone.apex()
    written = zone.records
    out.write("\n".join(zone.lines) + "\n")
    fill = 0
    while written < records:
        zone.lines, zone.records = [], 0
        hosts = len(zone.hosts)
        zone.some_group()
        if written + zone.records > records:
            del zone.hosts[hosts:]
            zone.lines = []
            while written < records:
                fill += 1
                zone.lines.append(f"fill{fill}\tIN\tA\t{zone.ipv4()}")
                written += 1
        else:
            written += zone.records
        if zone.lines:
            out.write("\n".join(zone.lines) + "\n")
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--records", required=True, help="how many records: 10000, 100k, 1m")
    parser.add_argument("-s", "--seed", type=int, default=1)
    parser.add_argument("--origin", default="example.com.")
    parser.add_argument("--portable", action="store_true",
                        help="TTLs in seconds before the class, upper-case class and type (for ldns)")
    parser.add_argument("-o", "--output", default="-", help="the file to write (default: standard output)")
    arguments = parser.parse_args()
    records = count(arguments.records)
    if records < 40:
        parser.error("at least 40 records: the apex alone has about 30")
    out = sys.stdout if arguments.output == "-" else open(arguments.output, "w", encoding="ascii", newline="\n")
    try:
        written = write_zone(out, records, arguments.seed, arguments.origin, arguments.portable)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"wrote {written} records", file=sys.stderr)


if __name__ == "__main__":
    main()
