$ORIGIN .
$TTL 3600       ; 1 hour
letsencrypt.ocf.io     IN SOA  ns.ocf.berkeley.edu. hostmaster.ocf.berkeley.edu. (
                               2018070600 ; serial
                               86400      ; refresh (1 day)
                               1800       ; retry (30 minutes)
                               2419200    ; expire (4 weeks)
                               1800       ; minimum (30 minutes)
                               )
                       NS      ns.ocf.berkeley.edu.
