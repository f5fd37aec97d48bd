# tests/ike_seed.sed: what varies between two runs of the same IKE
# exchange (see tests/ike_seed.sh), blanked; trailing blanks dropped.
s/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]: //
s/0x[0-9A-F]\{5,8\}/0x#/g
s/sa = [0-9A-F]\{8\}/sa = #/
s/successfully [0-9A-F]\{8\}\./successfully #./
s/SPI [0-9A-F]\{6,8\}$/SPI #/
s/([0-9]\{6,10\})/(#)/g
s/M-ID of [0-9]*/M-ID of #/
s/message ID = [1-9][0-9]*/message ID = #/
s/\([Nn]ode\) [1-9][0-9]*/\1 #/g
s/(100[0-9])/(C)/g
s/sa_conn_id= [0-9]*/sa_conn_id= #/
s/(k\/sec)= ([0-9]*\//(k\/sec)= (#\//
s/[ 	]*$//
