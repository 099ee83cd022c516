#!/usr/bin/env python3
"""Synthetic sample data for trying the map UI on a dev server (no demo import yet): python3 sample-data.py http://localhost:8185

Venues and schools go through the API as the planner. Districts have no write API yet, so this prints the SQL for one
rough synthetic district outline to pipe into psql for the dev database."""
import json, math, random, sys, urllib.request, base64

base = sys.argv[1] if len(sys.argv) > 1 else 'http://localhost:8185'
auth = 'Basic ' + base64.b64encode(b'planner:planner').decode()
rnd = random.Random(7)
cats = ['internet_cafe'] * 6 + ['song_dance'] * 4 + ['game_arcade'] * 2 + ['publication'] * 7 + ['hotel'] * 6 + ['printing', 'performance', 'satellite_equipment']
names = {'internet_cafe': '网咖', 'song_dance': 'KTV', 'game_arcade': '电玩城', 'publication': '书店', 'hotel': '宾馆',
         'printing': '印刷厂', 'performance': '剧场', 'satellite_equipment': '卫星设备店'}
streets = ['胜利东街', '东风东街', '健康东街', '北海路', '虞河路', '潍州路', '文化路', '福寿东街']

def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method='POST',
                                 headers={'Content-Type': 'application/json', 'Authorization': auth})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())

for i, c in enumerate(cats * 2):
    lon, lat = 119.12 + rnd.random() * 0.1, 36.67 + rnd.random() * 0.06
    st = rnd.choice(['open'] * 8 + ['suspended', 'unlicensed'])
    post('/api/venues', {'licenceNo': f'SAMPLE-{i:03d}', 'name': f'示例{names[c]}{i + 1}号', 'category': c,
                         'address': f'潍坊市奎文区{rnd.choice(streets)}{rnd.randint(1, 399)}号', 'lon': lon, 'lat': lat,
                         'capacity': rnd.randint(20, 200), 'status': st, 'openingHours': '08:00-24:00',
                         'complaintCount': rnd.randint(0, 3), 'notes': '示例数据（虚构）'})
levels = ['primary', 'primary', 'junior', 'senior', 'kindergarten', 'nine_year', 'primary', 'junior']
for i, lv in enumerate(levels):
    lon, lat = 119.13 + rnd.random() * 0.08, 36.68 + rnd.random() * 0.045
    w, h = 0.0012 + rnd.random() * 0.0008, 0.0009 + rnd.random() * 0.0006
    ring = [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]]
    post('/api/schools', {'name': f'示例第{i + 1}{"幼儿园" if lv == "kindergarten" else "学校"}', 'level': lv,
                          'address': f'潍坊市奎文区{rnd.choice(streets)}{rnd.randint(1, 399)}号',
                          'campus': {'type': 'Polygon', 'coordinates': [ring]}})
print('created', len(cats) * 2, 'venues and', len(levels), 'schools', file=sys.stderr)
