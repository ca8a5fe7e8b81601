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
    <name>CounterForm</name>
    <message>
        <location filename="../../ui/counter_form.py" line="348"/>
        <source>Enter the applicant&apos;s name.</source>
        <translation>กรอกชื่อผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="426"/>
        <source>Registering…</source>
        <translation>กำลังลงทะเบียน…</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="426"/>
        <source>Register request</source>
        <translation>ลงทะเบียนรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="431"/>
        <source>Choose the scanned documents</source>
        <translation>เลือกไฟล์เอกสารที่สแกน</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="433"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>เอกสาร (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="457"/>
        <location filename="../../ui/counter_form.py" line="542"/>
        <source>Unclassified — an officer classifies it later</source>
        <translation>รอจำแนกประเภท — เจ้าหน้าที่จำแนกภายหลัง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="478"/>
        <source>13 digits; leave empty if the applicant did not give it.</source>
        <translation>13 หลัก เว้นว่างได้หากผู้ยื่นไม่ได้แจ้ง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="479"/>
        <source>{n} of 13 digits</source>
        <translation>กรอกแล้ว {n} จาก 13 หลัก</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="480"/>
        <source>Too many digits: {n} of 13</source>
        <translation>ตัวเลขเกิน: {n} หลัก (ต้องมี 13 หลัก)</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="481"/>
        <source>Only digits, spaces and dashes</source>
        <translation>กรอกได้เฉพาะตัวเลข ช่องว่าง และขีด</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="485"/>
        <source>✓ Valid number</source>
        <translation>✓ เลขถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="483"/>
        <source>The check digit does not match: probably a typo. Compare with the card.</source>
        <translation>หลักตรวจสอบไม่ตรง น่าจะพิมพ์ผิด โปรดตรวจกับบัตรอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="502"/>
        <source>Request registered — No.</source>
        <translation>รับเรื่องแล้ว เลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="512"/>
        <source>Register a counter or phone request</source>
        <translation>ลงทะเบียนคำขอที่เคาน์เตอร์หรือทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="513"/>
        <source>Close (Esc); what you typed is kept</source>
        <translation>ปิด (Esc) ข้อมูลที่กรอกไว้ยังอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="514"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="515"/>
        <source>Person</source>
        <translation>บุคคลธรรมดา</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="516"/>
        <source>Juristic person</source>
        <translation>นิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="517"/>
        <source>Name *</source>
        <translation>ชื่อผู้ยื่นคำขอ *</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="518"/>
        <source>Title, first name and surname, or company</source>
        <translation>คำนำหน้า ชื่อ นามสกุล หรือชื่อนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="519"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="520"/>
        <source>for the acknowledgement (optional)</source>
        <translation>สำหรับส่งใบรับเรื่อง (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="521"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="522"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="523"/>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="524"/>
        <source>What the applicant asks for</source>
        <translation>เรื่องที่ผู้ยื่นขอ</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="525"/>
        <source>Note</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="526"/>
        <source>What was said at the counter or on the phone</source>
        <translation>รายละเอียดที่ได้รับแจ้งที่เคาน์เตอร์หรือทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="556"/>
        <source>Scanned documents (drop here)</source>
        <translation>เอกสารที่สแกน (ลากไฟล์มาวางได้)</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="527"/>
        <source>Add files…</source>
        <translation>เพิ่มไฟล์…</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="528"/>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="529"/>
        <source>Copy number</source>
        <translation>คัดลอกเลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="530"/>
        <source>Clear</source>
        <translation>ล้างแบบฟอร์ม</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="547"/>
        <source>Juristic person registration no.</source>
        <translation>เลขทะเบียนนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="549"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="553"/>
        <source>Drop scanned files here, or use “Add files…”</source>
        <translation>ลากไฟล์ที่สแกนมาวางที่นี่ หรือกด “เพิ่มไฟล์…”</translation>
    </message>
    <message>
        <location filename="../../ui/counter_form.py" line="558"/>
        <source>Scanned documents: {n}</source>
        <translation>เอกสารที่สแกน: {n} ไฟล์</translation>
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
        <location filename="../../ui/main_window.py" line="434"/>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="435"/>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>Read the queues again (F5)</source>
        <translation>อ่านข้อมูลคิวงานใหม่ (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <source>Sign out</source>
        <translation>ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>Quit</source>
        <translation>ปิดโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>Filter the list</source>
        <translation>กรองรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>New counter request</source>
        <translation>รับคำขอที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="444"/>
        <source>Register a request brought to the counter or phoned in (Ctrl+N)</source>
        <translation>ลงทะเบียนคำขอที่ยื่นที่เคาน์เตอร์หรือแจ้งทางโทรศัพท์ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>Quarantine</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="447"/>
        <source>Files held back at intake (Alt+Q)</source>
        <translation>ไฟล์ที่ระบบกักไว้ตอนรับเรื่อง (Alt+Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>Filter the loaded rows (Ctrl+F)</source>
        <translation>กรองรายการที่โหลดแล้ว (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
        <source>Demo profile: its key is kept in a file beside the data. Use it for fictional data only, never for real applications.</source>
        <translation>โปรไฟล์ตัวอย่าง: กุญแจเข้ารหัสเก็บไว้ในไฟล์ข้างข้อมูล ใช้กับข้อมูลสมมุติเท่านั้น ห้ามใช้กับคำขอจริง</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <location filename="../../ui/main_window.py" line="471"/>
        <source>Applications</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456"/>
        <source>Queues</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>DEMO: fictional data only</source>
        <translation>ตัวอย่าง: ข้อมูลสมมุติเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479"/>
        <source>1 application in this queue</source>
        <translation>คำขอในคิวนี้ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481"/>
        <source>{count} applications in this queue</source>
        <translation>คำขอในคิวนี้ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484"/>
        <source>showing {shown} of {loaded} loaded</source>
        <translation>แสดง {shown} จาก {loaded} รายการที่โหลดแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>{loaded} loaded, scroll for more</source>
        <translation>โหลดแล้ว {loaded} รายการ เลื่อนลงเพื่อดูเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>Updated {time}</source>
        <translation>ปรับปรุงเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="639"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../ui/quarantine_view.py" line="137"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="138"/>
        <source>Why it was held</source>
        <translation>เหตุที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="139"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="140"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="141"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="142"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
</context>
<context>
    <name>QuarantineView</name>
    <message>
        <location filename="../../ui/quarantine_view.py" line="485"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="557"/>
        <source>Released “{name}”: it is now a document of its request.</source>
        <translation>รับ “{name}” เป็นเอกสารของคำขอแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="559"/>
        <source>Discarded “{name}” (kept as evidence only).</source>
        <translation>ไม่รับไฟล์ “{name}” แล้ว (เก็บไว้เป็นหลักฐานเท่านั้น)</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="576"/>
        <location filename="../../ui/quarantine_view.py" line="585"/>
        <source>Quarantined files</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="579"/>
        <source>Files that arrived but were not added to a request, because they could not be checked or could be unsafe. Decide on each one.</source>
        <translation>ไฟล์ที่ได้รับแต่ยังไม่ได้เพิ่มเข้าคำขอ เพราะตรวจสอบไม่ได้หรืออาจไม่ปลอดภัย โปรดพิจารณาทีละไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="583"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="584"/>
        <source>No files are held. Everything that arrived was accepted.</source>
        <translation>ไม่มีไฟล์ที่กักไว้ ทุกไฟล์ที่ได้รับผ่านการตรวจแล้ว</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue_pane.py" line="222"/>
        <source>QUEUES</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="227"/>
        <source>All applications</source>
        <translation>คำขอทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="232"/>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="233"/>
        <source>INTAKE</source>
        <translation>งานรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="237"/>
        <source>Quarantine</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.py" line="238"/>
        <source>Files held back at intake (Alt+Q)</source>
        <translation>ไฟล์ที่ระบบกักไว้ตอนรับเรื่อง (Alt+Q)</translation>
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
<context>
    <name>SyncDetails</name>
    <message>
        <location filename="../../ui/sync_indicator.py" line="223"/>
        <source>Mailbox, shared drive and outgoing mail</source>
        <translation>กล่องอีเมล โฟลเดอร์ส่วนกลาง และอีเมลขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="224"/>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="236"/>
        <source>Nothing has been synced on this profile yet. Press F9 to sync now.</source>
        <translation>ยังไม่เคยซิงค์ข้อมูลในโปรไฟล์นี้ กด F9 เพื่อซิงค์ทันที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="251"/>
        <source>last synced {time}</source>
        <translation>ซิงค์ล่าสุด {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="256"/>
        <source>never synced successfully</source>
        <translation>ยังไม่เคยซิงค์สำเร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="258"/>
        <source>{n} waiting</source>
        <translation>รอ {n} รายการ</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/sync_indicator.py" line="87"/>
        <source>Mailbox {name}</source>
        <translation>กล่องอีเมล {name}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="89"/>
        <source>Shared drive</source>
        <translation>โฟลเดอร์ส่วนกลาง</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="90"/>
        <source>Outgoing mail</source>
        <translation>อีเมลขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="97"/>
        <source>Up to date</source>
        <translation>เป็นปัจจุบัน</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="98"/>
        <location filename="../../ui/sync_indicator.py" line="508"/>
        <source>Syncing…</source>
        <translation>กำลังซิงค์…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="99"/>
        <location filename="../../ui/sync_indicator.py" line="514"/>
        <source>Offline</source>
        <translation>ออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="100"/>
        <source>Problem</source>
        <translation>มีปัญหา</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="101"/>
        <location filename="../../ui/sync_indicator.py" line="512"/>
        <source>Not synced yet</source>
        <translation>ยังไม่ได้ซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="110"/>
        <source>{n} new</source>
        <translation>คำขอใหม่ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="113"/>
        <source>{n} added to requests</source>
        <translation>เพิ่มในคำขอเดิม {n}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="119"/>
        <source>{n} held</source>
        <translation>กักไว้ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="122"/>
        <source>{n} sent</source>
        <translation>ส่งแล้ว {n}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="124"/>
        <source>nothing new</source>
        <translation>ไม่มีรายการใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="494"/>
        <source>Sync now</source>
        <translation>ซิงค์ทันที</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="496"/>
        <source>Fetch new mail and shared-drive files, and send waiting mail (F9)</source>
        <translation>รับอีเมลและไฟล์ใหม่จากโฟลเดอร์ส่วนกลาง และส่งอีเมลที่รออยู่ (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="510"/>
        <source>Synced {time}</source>
        <translation>ซิงค์แล้วเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="510"/>
        <source>Synced</source>
        <translation>ซิงค์แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="514"/>
        <source>Sync problem</source>
        <translation>ซิงค์มีปัญหา</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="517"/>
        <source>last synced {time}</source>
        <translation>ซิงค์ล่าสุด {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="525"/>
        <source>Last sync: {summary}</source>
        <translation>ซิงค์ครั้งล่าสุด: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="530"/>
        <source>Sync state: {text}</source>
        <translation>สถานะการซิงค์: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="544"/>
        <source>Click for details</source>
        <translation>คลิกเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="555"/>
        <location filename="../../ui/sync_indicator.py" line="562"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="558"/>
        <source>1 new request arrived</source>
        <translation>มีคำขอใหม่ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/sync_indicator.py" line="560"/>
        <source>{n} new requests arrived</source>
        <translation>มีคำขอใหม่ {n} รายการ</translation>
    </message>
</context>
<context>
    <name>_DecisionPanel</name>
    <message>
        <location filename="../../ui/quarantine_view.py" line="299"/>
        <source>Write a short reason; it is kept in the audit log.</source>
        <translation>โปรดระบุเหตุผลสั้น ๆ (บันทึกไว้ในประวัติการตรวจสอบ)</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="322"/>
        <source>Choose a file in the list to see why it was held, then release it (it becomes a document of its request) or discard it.</source>
        <translation>เลือกไฟล์ในรายการเพื่อดูเหตุที่กักไว้ แล้วเลือกรับไฟล์เป็นเอกสารของคำขอ หรือไม่รับไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="326"/>
        <source>Release…</source>
        <translation>รับเป็นเอกสาร…</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="327"/>
        <source>Accept the file as a document of its request</source>
        <translation>รับไฟล์นี้เป็นเอกสารของคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="328"/>
        <source>Discard…</source>
        <translation>ไม่รับไฟล์…</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="329"/>
        <source>Do not keep the file with the request</source>
        <translation>ไม่นำไฟล์นี้เข้าคำขอ (ระบบเก็บไว้เป็นหลักฐานเท่านั้น)</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="330"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="331"/>
        <source>Reason (required)</source>
        <translation>เหตุผล (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="337"/>
        <source>Why discard this file?</source>
        <translation>เหตุใดจึงไม่รับไฟล์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="338"/>
        <source>Discard file</source>
        <translation>ไม่รับไฟล์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="340"/>
        <source>Why release this file?</source>
        <translation>เหตุใดจึงรับไฟล์นี้เป็นเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="341"/>
        <source>Release file</source>
        <translation>รับเป็นเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="353"/>
        <source>Why it was held</source>
        <translation>เหตุที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="354"/>
        <source>In the other language</source>
        <translation>ภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="355"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="355"/>
        <source>Not linked to a request</source>
        <translation>ยังไม่ผูกกับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="356"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="357"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/quarantine_view.py" line="359"/>
        <source>Size and type</source>
        <translation>ขนาดและชนิดไฟล์</translation>
    </message>
</context>
</TS>
