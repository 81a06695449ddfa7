; example.io — maintained by hand, reviewed in git.
$TTL 3600
$ORIGIN example.io.
@	IN	SOA	ns1.example.io. hostmaster.example.io. (
			2026112801	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server
