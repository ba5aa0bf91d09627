# Sends exactly N POSTs over C keep-alive connections, reads every response, prints {"requests", "statuses"} (benchmarks/cpu-ab.sh, benchmarks/allocation.sh).
# send_fixed.py URL BODIES_FILE TOKEN N C
import http.client, json, sys, threading, urllib.parse, collections
url, path, token, total, conns = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
u = urllib.parse.urlparse(url)
bodies = [l.rstrip("\n").encode("utf-8") for l in open(path, encoding="utf-8") if l.strip()]
lock = threading.Lock(); counter = [0]; statuses = collections.Counter()
def worker():
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    while True:
        with lock:
            i = counter[0]
            if i >= total: break
            counter[0] += 1
        body = bodies[i % len(bodies)]
        try:
            c.request("POST", u.path, body, {"Content-Type": "application/json", "Authorization": "Bearer " + token, "X-Forwarded-Proto": "https"})
            r = c.getresponse(); r.read(); s = str(r.status)
        except Exception:
            s = "error"; c.close(); c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        with lock: statuses[s] += 1
    c.close()
threads = [threading.Thread(target=worker) for _ in range(conns)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({"requests": total, "statuses": dict(statuses)}))
