#!/bin/bash
# mk CASE "ARGS" "SED_FOR_A" "SED_FOR_B"
G=$(cd "$(dirname "$0")" && pwd)
mk() {
	d=$G/$1; mkdir -p $d
	sed -e "${3:-s/^\$//}" $(dirname "$0")/base-asa.cfg.txt >$d/a.cfg
	sed -e "${4:-s/^\$//}" $(dirname "$0")/base-ios.cfg.txt >$d/b.cfg
	echo "$2" >$d/cmd
	printf 'Gold-Key-42\nGold-Key-43\n' >$d/secrets
}
T="tunnel --format text"
mk established "$T a.cfg b.cfg"
mk established-both "$T --both a.cfg b.cfg"
mk established-initiator-b "$T --initiator b.cfg a.cfg b.cfg"
mk json-established "tunnel --format json a.cfg b.cfg"
mk isakmp-not-enabled "$T --fix a.cfg b.cfg" "" "s/^hostname branch/hostname branch\nno crypto isakmp enable/"
mk isakmp-not-enabled-asa "$T --fix --initiator b.cfg a.cfg b.cfg" "/crypto ikev1 enable outside/d"
mk near-isakmp-enabled-ikev2-only "$T a.cfg b.cfg" "s/crypto ikev1 enable outside/crypto ikev1 enable outside\ncrypto ikev2 enable outside/"
mk block-udp500 "$T --fix --block udp500 a.cfg b.cfg"
mk nat-t-block-4500 "$T --nat --block udp4500 a.cfg b.cfg"
mk nat-t-ok "$T --nat a.cfg b.cfg"
mk nat-t-disabled "$T --nat a.cfg b.cfg" "" "s/^hostname branch/hostname branch\nno crypto isakmp nat-traversal/"
mk policy-mismatch "$T --fix a.cfg b.cfg" "" "s/^ group 14/ group 2/"
mk near-policy-second "$T a.cfg b.cfg" "" "s/^crypto isakmp policy 10/crypto isakmp policy 5\n encr 3des\n group 2\ncrypto isakmp policy 10/"
mk lifetime-ios-refuses "$T --fix a.cfg b.cfg" "" "s/^ lifetime 86400/ lifetime 28800/"
mk lifetime-asa-accepts "$T --initiator b.cfg a.cfg b.cfg" "s/^ lifetime 86400/ lifetime 28800/"
mk lifetime-shorter-proposed "$T a.cfg b.cfg" "s/^ lifetime 86400/ lifetime 28800/"
mk psk-mismatch "$T --fix a.cfg b.cfg" "" "s/Gold-Key-42/Gold-Key-43/"
mk near-psk-equal "$T --both a.cfg b.cfg"
mk psk-masked "$T a.cfg b.cfg" "s/pre-shared-key Gold-Key-42/pre-shared-key */"
mk peer-unknown-ios "$T --fix a.cfg b.cfg" "" "/crypto isakmp key/d"
mk peer-unknown-ios-initiator "$T --fix --initiator b.cfg a.cfg b.cfg" "" "/crypto isakmp key/d"
mk tunnel-group-name "$T --fix --initiator b.cfg a.cfg b.cfg" "s/tunnel-group 198.51.100.2/tunnel-group BRANCH/"
mk identity-mismatch "$T a.cfg b.cfg" "" "s/^hostname branch/hostname branch\ncrypto isakmp identity hostname/"
mk near-identity-address "$T a.cfg b.cfg" "" "s/^hostname branch/hostname branch\ncrypto isakmp identity address/"
mk xauth-blocked "$T --fix a.cfg b.cfg" "" "s/^crypto map VPN 10 ipsec-isakmp/crypto map VPN client authentication list XAUTH\ncrypto map VPN 10 ipsec-isakmp/"
mk near-xauth-no-xauth "$T a.cfg b.cfg" "" "s/^crypto map VPN 10 ipsec-isakmp/crypto map VPN client authentication list XAUTH\ncrypto map VPN 10 ipsec-isakmp/;s/address 203.0.113.1$/address 203.0.113.1 no-xauth/"
mk transform-set-mismatch "$T --fix a.cfg b.cfg" "" "s/esp-aes 256 esp-sha-hmac/esp-3des esp-md5-hmac/"
mk near-transform-second "$T a.cfg b.cfg" "s/^crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac/crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac\ncrypto ipsec ikev1 transform-set T3 esp-3des esp-md5-hmac/;s/set ikev1 transform-set TS/set ikev1 transform-set T3 TS/"
mk pfs-required-by-asa "$T --fix --initiator b.cfg a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set pfs group14\ncrypto map MAP 10 set peer/"
mk pfs-offered-to-ios "$T a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set pfs group14\ncrypto map MAP 10 set peer/"
mk pfs-offered-to-asa "$T --fix --initiator b.cfg a.cfg b.cfg" "" "s/^ set peer 203.0.113.1/ set peer 203.0.113.1\n set pfs group14/"
mk pfs-groups-differ "$T --fix a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set pfs group5\ncrypto map MAP 10 set peer/" "s/^ set peer 203.0.113.1/ set peer 203.0.113.1\n set pfs group14/"
mk near-pfs-both "$T --both a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set pfs group14\ncrypto map MAP 10 set peer/" "s/^ set peer 203.0.113.1/ set peer 203.0.113.1\n set pfs group14/"
mk proxy-mismatch "$T --fix a.cfg b.cfg" "" "s/10.10.0.0 0.0.255.255/10.20.0.0 0.0.255.255/"
mk near-proxy-subset "$T a.cfg b.cfg" "" "s/192.168.50.0 0.0.0.255 10.10.0.0 0.0.255.255/192.168.0.0 0.0.255.255 10.0.0.0 0.255.255.255/"
mk acl-extra-ace "$T a.cfg b.cfg" "s/^access-list VPN extended permit ip 10.10.0.0 255.255.0.0 192.168.50.0 255.255.255.0/&\naccess-list VPN extended permit ip 10.30.0.0 255.255.0.0 192.168.50.0 255.255.255.0/"
mk dynamic-fallthrough "$T a.cfg b.cfg" "" "s/10.10.0.0 0.0.255.255/10.20.0.0 0.0.255.255/;s/^crypto map VPN 10 ipsec-isakmp/crypto dynamic-map DYN 10\n set transform-set TS\ncrypto map VPN 10 ipsec-isakmp/;s/^interface GigabitEthernet0\/0/crypto map VPN 65535 ipsec-isakmp dynamic DYN\n!\ninterface GigabitEthernet0\/0/"
mk ipsec-sa-lifetime "$T a.cfg b.cfg" "" "s/lifetime seconds 3600/lifetime seconds 28800/"
mk no-interesting-traffic "$T --fix --initiator b.cfg a.cfg b.cfg" "" "s/^ip route 0.0.0.0/ip nat inside source list NAT interface GigabitEthernet0\/0 overload\nip access-list extended NAT\n permit ip 192.168.50.0 0.0.0.255 any\nip route 0.0.0.0/;s/^interface GigabitEthernet0\/1/interface GigabitEthernet0\/1\n ip nat inside/;s/^ ip address 198.51.100.2 255.255.255.252/&\n ip nat outside/"
mk flow-not-in-acl "$T --flow 10.99.0.1 192.168.50.9 a.cfg b.cfg"
mk flow-tcp "$T --flow 10.10.1.1 192.168.50.9 tcp 443 a.cfg b.cfg"
mk esp-blocked "$T --block esp a.cfg b.cfg"
mk check-pair "check --format text a.cfg b.cfg"
mk check-pair-json "check --format json a.cfg b.cfg" "" "s/Gold-Key-42/Gold-Key-43/"
mk missing-endpoint "check --format json a.cfg b.cfg" "" "s/^interface GigabitEthernet0\/0/crypto map VPN 20 ipsec-isakmp\n set peer 192.0.2.99\n set transform-set TS\n match address HQ\ncrypto map VPN 30 ipsec-isakmp\n set peer 192.0.2.99\n set transform-set TS\n match address HQ\n!\n&/"
mk bad-usage "tunnel a.cfg"
mk bad-block "tunnel --block icmp a.cfg b.cfg"
mk2() {
	d=$G/$1; mkdir -p $d
	sed -e "${3:-s/^\$//}" $(dirname "$0")/base-v2a.cfg.txt >$d/a.cfg
	sed -e "${4:-s/^\$//}" $(dirname "$0")/base-v2b.cfg.txt >$d/b.cfg
	echo "$2" >$d/cmd
	printf 'V2-Key-77\nV2-Key-78\n' >$d/secrets
}
mk2 ikev2-established "$T --both a.cfg b.cfg"
mk2 ikev2-no-proposal "$T --fix a.cfg b.cfg" "" "s/^ group 14/ group 19/"
mk2 ikev2-psk-mismatch "$T --fix a.cfg b.cfg" "" "s/remote-authentication pre-shared-key V2-Key-77/remote-authentication pre-shared-key V2-Key-78/"
mk2 ikev2-ts-unacceptable "$T --fix a.cfg b.cfg" "" "s/permit ip 10.2.0.0 255.255.0.0 10.1.0.0 255.255.0.0/permit ip 10.9.0.0 255.255.0.0 10.8.0.0 255.255.0.0/"
mk2 ikev2-not-enabled "$T --fix a.cfg b.cfg" "" "/crypto ikev2 enable outside/d"
mk aggressive-mode "$T a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set phase1-mode aggressive\ncrypto map MAP 10 set peer/"
mk aggressive-psk-mismatch "$T --fix a.cfg b.cfg" "s/^crypto map MAP 10 set peer/crypto map MAP 10 set phase1-mode aggressive\ncrypto map MAP 10 set peer/" "s/Gold-Key-42/Gold-Key-43/"
# IKEv1 with certificates: no pre-shared key is needed; a pre-share policy
# cannot match an rsa-sig one.
CERT_ASA="s/ authentication pre-share/ authentication rsa-sig/;s/ ikev1 pre-shared-key Gold-Key-42/ ikev1 trust-point CA1/;s/^crypto ikev1 enable outside/crypto ca trustpoint CA1\n enrollment terminal\ncrypto isakmp identity address\ncrypto ikev1 enable outside/"
CERT_IOS="s/ authentication pre-share/ authentication rsa-sig/;/crypto isakmp key/d;s/^hostname branch/hostname branch\ncrypto pki trustpoint CA1\n enrollment terminal/"
mk ikev1-cert-established "$T --both a.cfg b.cfg" "$CERT_ASA" "$CERT_IOS"
mk ikev1-cert-vs-psk "$T a.cfg b.cfg" "$CERT_ASA"
# An IOS responder with only rsa-sig policies holds no key: a pre-share
# proposal is refused by policy, not for a missing key.
mk ikev1-psk-to-cert-ios "$T a.cfg b.cfg" "" "$CERT_IOS"

# IKEv2 crypto maps between two IOS routers (issue 11): mk2 CASE "ARGS" "SED_FOR_A" "SED_FOR_B"
mk2() {
	d=$G/$1; mkdir -p $d
	sed -e "${3:-s/^\$//}" $(dirname "$0")/base-v2ios-a.cfg.txt >$d/a.cfg
	sed -e "${4:-s/^\$//}" $(dirname "$0")/base-v2ios-b.cfg.txt >$d/b.cfg
	echo "$2" >$d/cmd
	printf 'V2-Gold-1\nV2-Gold-2\nV2-Local-7\nV2-Remote-8\n' >$d/secrets
}
mk2 ikev2-ios-established "$T --both a.cfg b.cfg"
mk2 ikev2-ios-policy-mismatch "$T --fix a.cfg b.cfg" "" "s/^ group 14/ group 19/"
mk2 ikev2-ios-invalid-ke "$T a.cfg b.cfg" "s/^ group 14/ group 19 14/"
mk2 ikev2-ios-default-proposal "$T --both a.cfg b.cfg" "s/^ integrity sha256/ integrity sha384/" "s/^version 15.4/version 16.9/;/^crypto ikev2 proposal/,/^ proposal PROP/d"
mk2 ikev2-ios-default-proposal-15 "$T a.cfg b.cfg" "s/^ integrity sha256/ integrity sha384/" "/^crypto ikev2 proposal/,/^ proposal PROP/d"
mk2 ikev2-ios-psk-mismatch "$T --fix a.cfg b.cfg" "" "s/V2-Gold-1/V2-Gold-2/"
mk2 ikev2-ios-asymmetric-keys "$T --both a.cfg b.cfg" "s/  pre-shared-key V2-Gold-1/  pre-shared-key local V2-Local-7\n  pre-shared-key remote V2-Remote-8/" "s/  pre-shared-key V2-Gold-1/  pre-shared-key local V2-Remote-8\n  pre-shared-key remote V2-Local-7/"
mk2 ikev2-ios-asymmetric-crossed "$T a.cfg b.cfg" "s/  pre-shared-key V2-Gold-1/  pre-shared-key local V2-Local-7\n  pre-shared-key remote V2-Remote-8/" "s/  pre-shared-key V2-Gold-1/  pre-shared-key local V2-Local-7\n  pre-shared-key remote V2-Remote-8/"
CERT_V2="s/ authentication remote pre-share/ authentication remote rsa-sig/;s/ authentication local pre-share/ authentication local rsa-sig\n pki trustpoint CA/;/pre-shared-key/d;s/ match identity remote address .*/ match identity remote fqdn domain example.com/"
mk2 ikev2-ios-certificates "$T --both a.cfg b.cfg" "$CERT_V2;s/^ keyring local KR/&\n identity local fqdn hq.example.com/" "$CERT_V2;s/^ keyring local KR/&\n identity local fqdn branch.example.com/"
mk2 ikev2-ios-certificate-dn "$T a.cfg b.cfg" "$CERT_V2" "$CERT_V2"
mk2 ikev2-ios-auth-method-mismatch "$T --fix a.cfg b.cfg" "s/ authentication local pre-share/ authentication local rsa-sig\n pki trustpoint CA\n identity local address 198.51.100.1/"
mk2 ikev2-ios-no-trustpoint "$T a.cfg b.cfg" "s/ authentication local pre-share/ authentication local rsa-sig\n identity local address 198.51.100.1/" "s/ authentication remote pre-share/ authentication remote rsa-sig\n pki trustpoint CA/"
mk2 ikev2-ios-no-matching-profile "$T --fix a.cfg b.cfg" "" "s/ match identity remote address 198.51.100.1 255.255.255.255/ match identity remote address 192.0.2.1 255.255.255.255/"
mk2 near-ikev2-ios-profile-fqdn "$T a.cfg b.cfg" "s/^ match identity remote address 198.51.100.2 255.255.255.255/&\n identity local fqdn hq.example.com/" "s/ match identity remote address 198.51.100.1 255.255.255.255/ match identity remote fqdn domain example.com/"
mk2 ikev2-ios-pfs-rekey "$T a.cfg b.cfg" "" "s/^ set ikev2-profile PROF/&\n set pfs group14/"
mk2 near-ikev2-ios-pfs-both "$T a.cfg b.cfg" "s/^ set ikev2-profile PROF/&\n set pfs group14/" "s/^ set ikev2-profile PROF/&\n set pfs group14/"
mk2 ikev2-ios-ts-narrowed "$T a.cfg b.cfg" "s/permit ip 10.10.0.0 0.0.255.255 10.20.0.0 0.0.255.255/permit ip 10.0.0.0 0.255.255.255 10.20.0.0 0.0.255.255/"
mk2 ikev2-ios-ts-unacceptable "$T --fix a.cfg b.cfg" "" "s/permit ip 10.20.0.0 0.0.255.255 10.10.0.0 0.0.255.255/permit ip 10.30.0.0 0.0.255.255 10.40.0.0 0.0.255.255/"
mk2 ikev2-ios-default-transform-set "$T a.cfg b.cfg" "/set transform-set TS/d" "s/crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac/crypto ipsec transform-set TS esp-aes esp-sha-hmac/"
