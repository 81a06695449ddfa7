; sampledomain.com — maintained by hand, reviewed in git.
$TTL 3600
$ORIGIN sampledomain.com.
@	IN	SOA	ns1.sampledomain.com. hostmaster.sampledomain.com. (
			2026120102	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2
	IN	TXT	"v=spf1 include:mailgun.org ~all" ; mailzone: sender=@ spf=created include:mailgun.org=mailgun
s2025._domainkey	IN	TXT	( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAroVX32XwQye4foNyutMnp3PHHgDPe3DNWs/IB3gyGJ9XHIRatdm6jOOCCNisN4yY+V4yG36+MiGBVhCYHreEmp5UIFzhHl3pL6yD3ow5YBJqv3amav/CZ3HfnWhaWjJ4UDa3vi5vZ27pcGMVAnYiKGKQHsCxFHGg6M4MsiMw8JBj0lVd/28XMt0TAhwW9Ro65"
				"7Bgc8OxZXbhfVt/oVUdi4kZ2J5uPTWKvJ20AMRrWalbiq/bDzPR2EZPIKOWOFEy4CaV2kH3X8HWv8molZsDCXc/pAjVo/j44+aoO9RS/daP9kwtvjOISbEJte1X4VPN+AgM9yPWxAW8k0ylElKT8QIDAQAB" ) ; mailzone: sender=@ service=mailgun
email	IN	CNAME	mailgun.org. ; mailzone: sender=@ service=mailgun

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server
