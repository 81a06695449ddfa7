; sampledomain.com — maintained by hand, reviewed in git.
$TTL 3600
$ORIGIN sampledomain.com.
@	IN	SOA	ns1.sampledomain.com. hostmaster.sampledomain.com. (
			2026120101	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server

; our own relay and a partner
@	IN	TXT	"v=spf1 ip4:192.0.2.26 include:_spf.partner.example include:qcloudmail.com ~all" ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses
@	IN	MX	10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses
partner._domainkey	IN	TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAroVX32XwQye4foNyutMnp3PHHgDPe3DNWs/IB3gyGJ9XHIRatdm6jOOCCNisN4yY+V4yG36+MiGBVhCYHreEmp5UIFzhHl3pL6yD3ow5YBJqv3amav/CZ3HfnWhaWjJ4UDa3vi5vZ27pcGMVAnYiKGKQHsCx"
			"FHGg6M4MsiMw8JBj0lVd/28XMt0TAhwW9Ro657Bgc8OxZXbhfVt/oVUdi4kZ2J5uPTWKvJ20AMRrWalbiq/bDzPR2EZPIKOWOFEy4CaV2kH3X8HWv8molZsDCXc/pAjVo/j44+aoO9RS/daP9kwtvjOISbEJte1X4VPN+AgM9yPWxAW8k0ylElKT8QIDAQAB" )
qcloud._domainkey	IN	TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/McgujTfeeJU6qIOH2LlFXmrNvVZiJ0iqdA4lfcA/vpCEbhktgXyyxxkpsUzEohO/7GsOPOMgDLvsW7F7lfXb1adErXteVbxZ/7dHlHufgyqWABlLNKXXfZ5qj8QcLBuh1tPONlVIvI5ZAy+UXCcFiTJKXmB1H5u1Ji2+4UUEaT3e9zcoBEZab"
			"kOdrfSTapKlj6Ke46iJA/HgeXEoOi39hZ5UIFOOELtTG4Y0KUOAgNCdegUBoUVXd4+R1xRI480DKlz0aLT0Wa2Z2/rb+8rIOclqg0tMS2jLCLEYh7SBaV0jYuugyV8KsCrgVVSXLrLHn3H73+dFmQIDAQAB" ) ; mailzone: sender=@ service=tencent-ses
_dmarc			IN	TXT	"v=DMARC1; p=none" ; mailzone: sender=@ service=tencent-ses
