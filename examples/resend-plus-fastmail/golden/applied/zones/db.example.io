; example.io — maintained by hand, reviewed in git.
$TTL 3600
$ORIGIN example.io.
@	IN	SOA	ns1.example.io. hostmaster.example.io. (
			2026120100	; serial
			7200		; refresh
			3600		; retry
			1209600		; expire
			300 )		; minimum
	IN	NS	ns1
	IN	NS	ns2
	IN	MX	10 in1-smtp.messagingengine.com. ; mailzone: sender=@ service=fastmail
	IN	MX	20 in2-smtp.messagingengine.com. ; mailzone: sender=@ service=fastmail
	IN	TXT	"v=spf1 include:spf.messagingengine.com ~all" ; mailzone: sender=@ spf=created include:spf.messagingengine.com=fastmail
fm1._domainkey	IN	CNAME	fm1.example.io.dkim.fmhosted.com. ; mailzone: sender=@ service=fastmail
fm2._domainkey	IN	CNAME	fm2.example.io.dkim.fmhosted.com. ; mailzone: sender=@ service=fastmail
fm3._domainkey	IN	CNAME	fm3.example.io.dkim.fmhosted.com. ; mailzone: sender=@ service=fastmail
_dmarc	IN	TXT	"v=DMARC1; p=quarantine" ; mailzone: sender=@
send.updates	IN	MX	10 feedback-smtp.eu-west-1.amazonses.com. ; mailzone: sender=updates.example.io service=resend
send.updates	IN	TXT	"v=spf1 include:amazonses.com ~all" ; mailzone: sender=updates.example.io service=resend
nhapbbryle57yxg3fbjytyodgbt2kyyg._domainkey.updates	IN	CNAME	nhapbbryle57yxg3fbjytyodgbt2kyyg.dkim.amazonses.com. ; mailzone: sender=updates.example.io service=resend
xbakwbe5fcscrhzshpap6kbxesf6pfgn._domainkey.updates	IN	CNAME	xbakwbe5fcscrhzshpap6kbxesf6pfgn.dkim.amazonses.com. ; mailzone: sender=updates.example.io service=resend
txrcreso3dqbvcve45tqyosxwaegvhgn._domainkey.updates	IN	CNAME	txrcreso3dqbvcve45tqyosxwaegvhgn.dkim.amazonses.com. ; mailzone: sender=updates.example.io service=resend

ns1	IN	A	192.0.2.53
ns2	IN	A	198.51.100.53
www	IN	A	192.0.2.80	; web server
