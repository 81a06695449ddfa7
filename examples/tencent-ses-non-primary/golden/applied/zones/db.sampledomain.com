; sampledomain.com — the company's zone; abc sends newsletters.
$TTL 3600
$ORIGIN sampledomain.com.
@	IN	SOA	ns1.sampledomain.com. hostmaster.sampledomain.com. (
			2026120100	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80

; newsletters
abc	IN	A	192.0.2.81
abc	IN	MX	10 mxbiz1.qq.com. ; mailzone: sender=abc.sampledomain.com service=tencent-ses
abc	IN	TXT	"v=spf1 include:qcloudmail.com ~all" ; mailzone: sender=abc.sampledomain.com spf=created include:qcloudmail.com=tencent-ses
qcloud._domainkey.abc	IN	TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx8PimhU7pqFEOKEkLIHwKuZVDGvNG3RQGVESzlJQ/v2MfxAvPHmhFJbXMmUzfcmZxoW1r7e8ujsdjAey0kEJc0NGWze38qj+xbIWQ48batBKLDh98chvmlTCx75z9dThdqftN5pkDwSf0h9yxaUX3Y8RTRzBkjduGpuZncNlvMitNhqgbKoxTDdlIZGxr2CXS"
				"FerXBdPgKmm6i9Trp+pNaSZkQQBPn2Ehxb1IzXXlmgu4EY4zRSoZA/HY0JyZxfuJjGXd0sHxoyO95AHd1dUGnlf518gt9UvEzdVZgcSDkPX6EZitZBr2Tq1L0k5au16jei3j4sTl3IDm+gRB+mVVwIDAQAB" ) ; mailzone: sender=abc.sampledomain.com service=tencent-ses
_dmarc.abc	IN	TXT	"v=DMARC1; p=none" ; mailzone: sender=abc.sampledomain.com service=tencent-ses
