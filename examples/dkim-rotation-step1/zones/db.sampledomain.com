; sampledomain.com — maintained by hand, reviewed in git.
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
	IN	TXT	"v=spf1 include:mailgun.org ~all" ; mailzone: sender=@ spf=created include:mailgun.org=mailgun
s2024._domainkey	IN	TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/McgujTfeeJU6qIOH2LlFXmrNvVZiJ0iqdA4lfcA/vpCEbhktgXyyxxkpsUzEohO/7GsOPOMgDLvsW7F7lfXb1adErXteVbxZ/7dHlHufgyqWABlLNKXXfZ5qj8QcLBuh1tPONlVIvI5ZAy+UXCcFiTJKXmB1H5u1Ji2+4UUEaT3e9zcoBEZab"
				"kOdrfSTapKlj6Ke46iJA/HgeXEoOi39hZ5UIFOOELtTG4Y0KUOAgNCdegUBoUVXd4+R1xRI480DKlz0aLT0Wa2Z2/rb+8rIOclqg0tMS2jLCLEYh7SBaV0jYuugyV8KsCrgVVSXLrLHn3H73+dFmQIDAQAB" ) ; mailzone: sender=@ service=mailgun
email	IN	CNAME	mailgun.org. ; mailzone: sender=@ service=mailgun

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server
