# tests/ike_seed004.sed: seed 004's R1 transcript and iosh's made
# comparable (see tests/ike_seed004.sh).
s/^\*[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:.]*: //
s/^[ 	]*//
s/[ 	]*$//
# Runs of blanks: the document collapsed them (HTML), so one on both sides.
s/[ 	][ 	]*/ /g
# The release's prefix: 12.3(7)T's "ISAKMP:(0:1:SW:1):" (text with or
# without its leading blank) and "ISAKMP (0:134217729):" (1 << 27 | 1)
# against iosh's 12.3 "ISAKMP (0:1): " (seed 002's hub): one form.
s/^ISAKMP:(0:\([0-9]*\):SW:1): \{0,1\}/ISAKMP (0:\1): /
s/^ISAKMP (1):/ISAKMP (0:1):/
# IOS's structures' addresses.
s/0x[0-9A-F]\{5,8\}/0x#/g
s/sa = [0-9A-F]\{7,8\}/sa = #/g
# SPIs.
s/([0-9]\{6,10\})/(#)/g
s/spi -\{0,1\}[1-9][0-9]\{5,9\} /spi # /g
s/has spi -\{0,1\}[1-9][0-9]\{5,9\} and/has spi # and/
# M-IDs (node ids).
s/message ID = -\{0,1\}[1-9][0-9]*/message ID = #/
s/\([Nn]ode\) -\{0,1\}[1-9][0-9]*/\1 #/g
# Conn-ids: the ISAKMP SA's and IPsec's.
s/(0:[1-9][0-9]*)/(0:C)/g
s/conn_id= [1-9][0-9]*/conn_id= #/
