# tests/ike_seed002.sed: seed 002's hub transcripts and iosh's made
# comparable (see tests/ike_seed002.sh): what varies between two runs of
# the same exchange blanked, and the indentation the seed's document lost
# dropped on both sides.
s/^\*[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:.]*: //
s/^[ 	]*//
s/[ 	]*$//
# Runs of blanks: the document collapsed them (HTML), so one on both
# sides ("ISAKMP:      encryption", "type         : 1" are IOS's).
s/[ 	][ 	]*/ /g
# IOS's structures' addresses.
s/0x[0-9A-F]\{5,8\}/0x#/g
s/sa = [0-9A-F]\{8\}/sa = #/
s/config settings [0-9A-F]\{8\}$/config settings #/
# SPIs.
s/([0-9]\{6,10\})/(#)/g
s/spi -\{0,1\}[1-9][0-9]\{5,9\} /spi # /g
s/SPI [0-9A-F]\{6,8\}$/SPI #/
# M-IDs (node ids), printed signed.
s/message ID = -\{0,1\}[1-9][0-9]*/message ID = #/
s/\([Nn]ode\) -\{0,1\}[1-9][0-9]*/\1 #/g
s/\(config .*\. ID\) = -\{0,1\}[1-9][0-9]*/\1 = #/
# Conn-ids: the ISAKMP SA's (not 0, before it has one) and IPsec's.
s/(0:[1-9][0-9]*)/(0:C)/g
s/(0\/[1-9][0-9]*)/(0\/C)/g
s/^ISAKMP ([1-9][0-9]*):/ISAKMP (C):/
s/conn id [1-9][0-9]*/conn id C/
s/conn_id= [1-9][0-9]*/conn_id= #/
s/conn_id [1-9][0-9]*/conn_id #/
# A lifetime's remainder.
s/seconds left to use the address: [0-9]*/seconds left to use the address: #/
