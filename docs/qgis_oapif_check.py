#!/usr/bin/env python3
"""Headless QGIS check of the /ogc service (issue 17): loads every collection through QGIS' own OAPIF provider with
HTTP Basic, prints each layer's feature count (compare with SELECT count(*)), and asks the provider whether it can
edit (QGIS 3.22: it cannot; see README, GIS clients).

    QT_QPA_PLATFORM=offscreen python3 docs/qgis_oapif_check.py http://127.0.0.1:8080/ogc planner planner
"""
import base64
import json
import sys
import urllib.request

from qgis.core import QgsApplication, QgsVectorDataProvider, QgsVectorLayer, Qgis

url, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
app = QgsApplication([], False)
app.initQgis()
print("QGIS", Qgis.QGIS_VERSION)
req = urllib.request.Request(url + "/collections", headers={
    "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode(), "Accept": "application/json"})
served = [c["id"] for c in json.load(urllib.request.urlopen(req))["collections"]]
print("collections served:", served)
for collection in served:
    uri = (f"url='{url}' typename='{collection}' username='{user}' password='{password}' "
           f"pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='0'")
    layer = QgsVectorLayer(uri, collection, "OAPIF")
    if not layer.isValid():
        print(f"{collection}: not loaded")
        continue
    caps = layer.dataProvider().capabilities()
    can = {name: bool(caps & flag) for name, flag in [
        ("AddFeatures", QgsVectorDataProvider.AddFeatures),
        ("ChangeAttributeValues", QgsVectorDataProvider.ChangeAttributeValues),
        ("ChangeGeometries", QgsVectorDataProvider.ChangeGeometries),
        ("DeleteFeatures", QgsVectorDataProvider.DeleteFeatures)]}
    count = sum(1 for _ in layer.getFeatures())
    print(f"{collection}: {count} features; capabilities: {layer.dataProvider().capabilitiesString()}; edit flags {can}")
    if collection == "venues" and count:
        started = layer.startEditing()
        f = next(layer.getFeatures())
        idx = layer.fields().indexFromName("name")
        changed = layer.changeAttributeValue(f.id(), idx, "QGIS编辑测试")
        committed = layer.commitChanges()
        print(f"  edit attempt: startEditing={started} changeAttributeValue={changed} commitChanges={committed} "
              f"errors={layer.commitErrors()}")
        if layer.isEditable():
            layer.rollBack()
app.exitQgis()
