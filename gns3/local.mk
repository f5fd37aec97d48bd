# gns3/: iosh as a GNS3 docker node (docs/GNS3.md): the appliance, the
# image's Dockerfile and its start command, installed for users to import
# and build from.
gns3dir = $(pkgdatadir)/gns3
dist_gns3_DATA = gns3/iosh.gns3a gns3/Dockerfile
dist_gns3_SCRIPTS = gns3/iosh-gns3-start
