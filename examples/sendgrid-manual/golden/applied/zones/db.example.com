; example.com — maintained by hand, reviewed in git.
$TTL 3600
$ORIGIN example.com.
@	IN	SOA	ns1.example.com. hostmaster.example.com. (
			2026120100	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2
em1234	IN	MX	10 mx.sendgrid.net. ; mailzone: sender=@ service=sendgrid
em1234	IN	TXT	"v=spf1 include:sendgrid.net ~all" ; mailzone: sender=@ service=sendgrid
s1._domainkey	IN	TXT	( "k=rsa; t=s; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs0vf3WfqKBW27xc0yZBwnMtIpPXckd/lZr32UI8YqQz+WXUUgimnrS+zAy0WXaQGSd/Pb1caV8OGEwDe2lIGQRqJOqQqprCEJy3AgQYoVVNwICPYKVt6/M25cNvRL52Adn9EwrPqG5Df3PNDpN6APEYbiKodT4E5dw8e8oXKJX0oKhbjE31T55H3bjwYIhwP2WOw2"
				"/dDZgpY7e7mNILGPnEIFvi1PW/JjEtJ7f7xZpDg9M/2l9xa+By9TxNNEJi2l/MIrM89inKj5CrOUqMIoFACLDNL150NtpO34WmPJjIWEaP1M9RJWOJM2Ku5pHRxX869yhu1EMGrQ1NiEsp0xwIDAQAB" ) ; mailzone: sender=@ service=sendgrid

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server
