<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ApplicationModel</name>
    <message>
        <location filename="../../ui/application_model.py" line="251"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="252"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="253"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="254"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="255"/>
        <source>National ID</source>
        <translation>เลขประจำตัว</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="256"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="257"/>
        <source>Time left</source>
        <translation>เวลาที่เหลือ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="258"/>
        <source>Assignee</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="306"/>
        <source>Unassigned</source>
        <translation>ยังไม่มอบหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="314"/>
        <source>Channel: {channel}</source>
        <translation>ช่องทาง: {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="318"/>
        <source>Received: {date}</source>
        <translation>รับเมื่อ: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="322"/>
        <source>Deemed received: {date}</source>
        <translation>ถือว่ารับเมื่อ: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/application_model.py" line="335"/>
        <source>Due: {date}</source>
        <translation>ครบกำหนด: {date}</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/formatting.py" line="141"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="142"/>
        <source>Shared drive</source>
        <translation>โฟลเดอร์ส่วนกลาง</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="143"/>
        <source>Counter</source>
        <translation>ยื่นที่เคาน์เตอร์</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/detail_panel.py" line="116"/>
        <source>Close the details (Esc)</source>
        <translation>ปิดรายละเอียด (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="133"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="134"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="135"/>
        <source>Service (English)</source>
        <translation>งานบริการ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="136"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="137"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="138"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="139"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="144"/>
        <source>Deemed received</source>
        <translation>ถือว่ารับเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="149"/>
        <source>Due</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="150"/>
        <source>Time left</source>
        <translation>เวลาที่เหลือ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="156"/>
        <source>When the clock restarts</source>
        <translation>เมื่อเริ่มนับเวลาต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="161"/>
        <source>Assignee</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="161"/>
        <source>Unassigned</source>
        <translation>ยังไม่มอบหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="162"/>
        <source>Documents</source>
        <translation>จำนวนเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/detail_panel.py" line="163"/>
        <source>Tags</source>
        <translation>ป้ายกำกับ</translation>
    </message>
</context>
<context>
    <name>HeaderBand</name>
    <message>
        <location filename="../../ui/header_band.py" line="101"/>
        <source>Change the language of the screens</source>
        <translation>เปลี่ยนภาษาที่แสดงบนหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../ui/header_band.py" line="114"/>
        <source>Station {code} · {name}</source>
        <translation>จุดบริการ {code} · {name}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Read the queues again (F5)</source>
        <translation>อ่านข้อมูลคิวงานใหม่ (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Sign out</source>
        <translation>ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Quit</source>
        <translation>ปิดโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>Filter the list</source>
        <translation>กรองรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Filter the loaded rows (Ctrl+F)</source>
        <translation>กรองรายการที่โหลดแล้ว (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Demo profile: its key is kept in a file beside the data. Use it for fictional data only, never for real applications.</source>
        <translation>โปรไฟล์ตัวอย่าง: กุญแจเข้ารหัสเก็บไว้ในไฟล์ข้างข้อมูล ใช้กับข้อมูลสมมุติเท่านั้น ห้ามใช้กับคำขอจริง</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Applications</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>Queues</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>DEMO: fictional data only</source>
        <translation>ตัวอย่าง: ข้อมูลสมมุติเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="390"/>
        <source>1 application in this queue</source>
        <translation>คำขอในคิวนี้ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>{count} applications in this queue</source>
        <translation>คำขอในคิวนี้ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>showing {shown} of {loaded} loaded</source>
        <translation>แสดง {shown} จาก {loaded} รายการที่โหลดแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>{loaded} loaded, scroll for more</source>
        <translation>โหลดแล้ว {loaded} รายการ เลื่อนลงเพื่อดูเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Updated {time}</source>
        <translation>ปรับปรุงเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="489"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="123"/>
        <source>QUEUES</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="128"/>
        <source>All applications</source>
        <translation>คำขอทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="133"/>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/formatting.py" line="150"/>
        <source>Intake</source>
        <translation>เจ้าหน้าที่รับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="151"/>
        <source>Reviewer</source>
        <translation>ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="152"/>
        <source>Finance</source>
        <translation>การเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="153"/>
        <source>Approver</source>
        <translation>ผู้อนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="154"/>
        <source>Administrator</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="173"/>
        <source>Anuyat — Sign in</source>
        <translation>อนุญาต — เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="174"/>
        <source>DEMO: fictional data only</source>
        <translation>ตัวอย่าง: ข้อมูลสมมุติเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="178"/>
        <source>Demo profile: its key is kept in a file beside the data. Use it for fictional data only, never for real applications.</source>
        <translation>โปรไฟล์ตัวอย่าง: กุญแจเข้ารหัสเก็บไว้ในไฟล์ข้างข้อมูล ใช้กับข้อมูลสมมุติเท่านั้น ห้ามใช้กับคำขอจริง</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="182"/>
        <source>Anuyat · Permit workstation</source>
        <translation>อนุญาต · ระบบงานพิจารณาคำขออนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="183"/>
        <source>&amp;User name</source>
        <translation>ชื่อผู้ใช้ (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="184"/>
        <source>&amp;Password</source>
        <translation>รหัสผ่าน (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="185"/>
        <location filename="../../ui/sign_in.py" line="298"/>
        <source>Signing in…</source>
        <translation>กำลังเข้าสู่ระบบ…</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="185"/>
        <location filename="../../ui/sign_in.py" line="298"/>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="186"/>
        <source>Language:</source>
        <translation>ภาษา:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="277"/>
        <source>Station: {name} ({code})</source>
        <translation>จุดบริการ: {name} ({code})</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <location filename="../../ui/formatting.py" line="100"/>
        <source>Closed</source>
        <translation>ปิดเรื่องแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="101"/>
        <source>The application is closed; no deadline applies.</source>
        <translation>คำขอนี้ปิดเรื่องแล้ว ไม่มีกำหนดเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="103"/>
        <source>Paused</source>
        <translation>หยุดนับเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="104"/>
        <source>The clock is stopped while waiting for the applicant.</source>
        <translation>หยุดนับเวลาระหว่างรอเอกสารจากผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="108"/>
        <source>{days} business days left when the clock restarts.</source>
        <translation>เมื่อเริ่มนับเวลาต่อจะเหลือ {days} วันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="112"/>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="70"/>
        <source>1 day late</source>
        <translation>เกิน 1 วัน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="71"/>
        <source>{days} days late</source>
        <translation>เกิน {days} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="113"/>
        <source>Past the deadline in the citizen manual.</source>
        <translation>เกินระยะเวลาที่กำหนดในคู่มือสำหรับประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="73"/>
        <source>1 day left</source>
        <translation>เหลือ 1 วัน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="74"/>
        <source>{days} days left</source>
        <translation>เหลือ {days} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="120"/>
        <source>Close to the deadline.</source>
        <translation>ใกล้ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="122"/>
        <source>Within the deadline.</source>
        <translation>อยู่ในกำหนดเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="124"/>
        <source>Counted in business days.</source>
        <translation>นับเฉพาะวันทำการ</translation>
    </message>
</context>
</TS>
