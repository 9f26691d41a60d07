import json
from conftest import persona
from interviewer.engine import Interview
from test_listening import refusing, drive
def test_dbg(scripted, store):
    engineer = persona("technical_engineer")
    refusing(scripted, 60)
    interview = Interview.start(engineer, scripted, store)
    ans = json.load(open("/tmp/te_strong_r8.json"))
    for a in ans[:13]:
        if interview.finished: break
        interview.answer(a, duration_s=60)
    for t in interview.turns:
        if t.speaker == "interviewer": print(">>", t.kind, t.text[:100])
    scripted._steps.clear()
