# tests/ike_seed003.sed: seed 003's transcripts and iosh's made comparable
# (see tests/ike_seed003.sh).
s/^\*\{0,1\}Sep 21 [0-9:.]*: //
s/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]: //
s/[ 	]*$//
# The web page turned ":D", ":(", ":O", ":S", ":P" and ":d" into smileys,
# which came back as ": D" ... or not at all ("2001B8::2"); seed 001 (IOS
# 12.4, the same messages) prints these without the blank.  Only the
# messages seed 001 shows are written back ("(0): SA request profile"
# keeps its blank there).
s/2001: DB8/2001:DB8/g
s/2001B8/2001:DB8/g
s/^ISAKMP: (/ISAKMP:(/
s/): \(Old State\|Sending an IKE\|SA authentication\|SA has been\)/):\1/
s/): \(SA is doing\|Send initial\|Process initial\|deleting node\)/):\1/
s/):: Started/)::Started/
# IOS's structures' addresses.
s/0x[0-9A-F]\{5,8\}/0x#/g
s/sa = [0-9A-F]\{7,8\}/sa = #/
s/successfully [0-9A-F]\{7,8\}\./successfully #./
s/sadb_root [0-9A-F]\{7,8\} /sadb_root # /
# SPIs.
s/([0-9]\{6,10\})/(#)/g
s/SPI [0-9A-F]\{6,8\}$/SPI #/
# M-IDs (node ids).
s/M-ID of [0-9]*/M-ID of #/
s/message ID = [1-9][0-9]*/message ID = #/
s/\([Nn]ode\) [1-9][0-9]*/\1 #/g
# Conn-ids: the ISAKMP SA's and the IPsec SAs'.
s/(1[0-9][0-9][0-9])/(C)/g
s/sa_conn_id= [0-9]*/sa_conn_id= #/
# The SAs' lifetime left when created (IOS: 3532 s on one side, 3439 s on
# the other in the same second).
s/(k\/sec)= ([0-9]*\/[0-9]*)/(k\/sec)= (#\/#)/
