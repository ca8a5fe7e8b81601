<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AgencyForm</name>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="142"/>
        <source>Agency name (Thai)</source>
        <translation>ชื่อหน่วยงาน (ภาษาไทย)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="143"/>
        <source>Agency name (English)</source>
        <translation>ชื่อหน่วยงาน (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="144"/>
        <source>Agency code</source>
        <translation>รหัสหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="145"/>
        <source>Official agency number</source>
        <translation>เลขที่หนังสือของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="146"/>
        <source>Official e-mail address</source>
        <translation>อีเมลราชการของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="147"/>
        <source>Official postal address</source>
        <translation>ที่อยู่ทางไปรษณีย์ของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="148"/>
        <source>Telephone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="149"/>
        <source>Business hours</source>
        <translation>เวลาทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="150"/>
        <source>Working days</source>
        <translation>วันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="154"/>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="156"/>
        <source>Mon</source>
        <translation>จ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="157"/>
        <source>Tue</source>
        <translation>อ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="158"/>
        <source>Wed</source>
        <translation>พ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="159"/>
        <source>Thu</source>
        <translation>พฤ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="160"/>
        <source>Fri</source>
        <translation>ศ.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="161"/>
        <source>Sat</source>
        <translation>ส.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="162"/>
        <source>Sun</source>
        <translation>อา.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="166"/>
        <source>Capital Roman letters, e.g. NKK</source>
        <translation>อักษรโรมันตัวใหญ่ เช่น NKK</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="167"/>
        <source>e.g. saraban@yourtown.go.th</source>
        <translation>เช่น saraban@ชื่อหน่วยงาน.go.th</translation>
    </message>
</context>
<context>
    <name>AlertsButton</name>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="119"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="120"/>
        <source>{count} new in your work list</source>
        <translation>มีรายการใหม่ในงานของท่าน {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="172"/>
        <source>Nothing new</source>
        <translation>ไม่มีรายการใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="179"/>
        <source>Waiting under a business day</source>
        <translation>รอไม่ถึงหนึ่งวันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="192"/>
        <source>… and {n} more</source>
        <translation>… และอีก {n} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="199"/>
        <source>New in your queue: {number}</source>
        <translation>เข้าคิวงานของท่าน: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="201"/>
        <source>Assigned to you: {number}</source>
        <translation>มอบหมายให้ท่าน: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="203"/>
        <source>The applicant replied: {number}</source>
        <translation>ผู้ยื่นตอบกลับ: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="205"/>
        <source>Nobody holds it yet: {number}</source>
        <translation>ยังไม่มีผู้รับผิดชอบ: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="209"/>
        <source>Licence data overdue: {number}</source>
        <translation>ข้อมูลใบอนุญาตเกินกำหนดส่ง: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="210"/>
        <source>Licence data due ({left}): {number}</source>
        <translation>ต้องส่งข้อมูลใบอนุญาต ({left}): {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="216"/>
        <source>Overdue: {number}</source>
        <translation>เกินกำหนด: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="217"/>
        <source>Due soon ({left}): {number}</source>
        <translation>ใกล้ครบกำหนด ({left}): {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="229"/>
        <source>{count} alerts: new requests, replies and SLAs about to run out</source>
        <translation>การแจ้งเตือน {count} รายการ: คำขอใหม่ การตอบกลับ และคำขอที่ใกล้ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="233"/>
        <source>No alerts</source>
        <translation>ไม่มีการแจ้งเตือน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="235"/>
        <source>Alerts</source>
        <translation>การแจ้งเตือน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="236"/>
        <source>Mark all as seen</source>
        <translation>ทำเครื่องหมายว่าดูแล้วทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/alerts_button.py" line="237"/>
        <source>Daily summary by e-mail</source>
        <translation>สรุปงานประจำวันทางอีเมล</translation>
    </message>
</context>
<context>
    <name>ApplicationInfoView</name>
    <message>
        <location filename="../../ui/review/info.py" line="113"/>
        <source>Person</source>
        <translation>บุคคลธรรมดา</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="113"/>
        <source>Juristic person</source>
        <translation>นิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="117"/>
        <source>Sent back to review</source>
        <translation>ส่งกลับให้ตรวจอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="124"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="126"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="127"/>
        <source>Kind</source>
        <translation>ประเภทผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="128"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="129"/>
        <source>Representative</source>
        <translation>ผู้แทน/ผู้รับมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="130"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="131"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="132"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="138"/>
        <source>paid when the request is registered</source>
        <translation>ชำระเมื่อยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="139"/>
        <source>paid before approval</source>
        <translation>ชำระก่อนอนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="140"/>
        <source>paid before the licence is issued</source>
        <translation>ชำระก่อนออกใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="142"/>
        <source>{amount} baht</source>
        <translation>{amount} บาท</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="149"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="151"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="152"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="153"/>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="154"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="155"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="158"/>
        <source>Due</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="159"/>
        <source>Fee</source>
        <translation>ค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="159"/>
        <source>Free</source>
        <translation>ไม่มีค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="160"/>
        <source>Identity level</source>
        <translation>ระดับการพิสูจน์ตัวตน</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="162"/>
        <source>Catalog version</source>
        <translation>ฉบับของรายการบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="168"/>
        <source>Application form</source>
        <translation>ข้อมูลในแบบคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="176"/>
        <source>Notes from intake</source>
        <translation>บันทึกจากงานรับเรื่อง</translation>
    </message>
</context>
<context>
    <name>ApplicationModel</name>
    <message>
        <location filename="../../ui/shell/application_model.py" line="275"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="277"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="278"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="279"/>
        <source>National ID</source>
        <translation>เลขประจำตัว</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="280"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="281"/>
        <source>Time left</source>
        <translation>เวลาที่เหลือ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="282"/>
        <source>Assignee</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="330"/>
        <source>Unassigned</source>
        <translation>ยังไม่มอบหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="338"/>
        <source>Channel: {channel}</source>
        <translation>ช่องทาง: {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/application_model.py" line="358"/>
        <source>Due: {date}</source>
        <translation>ครบกำหนด: {date}</translation>
    </message>
</context>
<context>
    <name>ApprovalPage</name>
    <message>
        <location filename="../../ui/approval/page.py" line="420"/>
        <source>signature type {type}</source>
        <translation>ลายมือชื่อแบบที่ {type}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="440"/>
        <source>Signature valid and trusted</source>
        <translation>ลายมือชื่อถูกต้องและเชื่อถือได้</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="442"/>
        <source>Signature NOT valid or not trusted</source>
        <translation>ลายมือชื่อไม่ถูกต้อง หรือไม่อยู่ภายใต้ใบรับรองหลักที่หน่วยงานเชื่อถือ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="445"/>
        <source>No digital signature (type 1 record)</source>
        <translation>ไม่มีลายมือชื่อดิจิทัล (บันทึกการอนุมัติแบบที่ 1)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="452"/>
        <source>Waiting for approval (first come, first served)</source>
        <translation>รออนุมัติ (ยื่นก่อน พิจารณาก่อน)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="453"/>
        <source>Take next</source>
        <translation>รับรายการถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="454"/>
        <source>Approve and sign ticked…</source>
        <translation>อนุมัติและลงนามรายการที่เลือก…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="456"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="456"/>
        <source>Applicant · service</source>
        <translation>ผู้ยื่น · บริการ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="458"/>
        <source>&amp;Conditions (one per line; edit as needed)</source>
        <translation>เงื่อนไขการอนุมัติ (บรรทัดละข้อ แก้ไขได้) (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="459"/>
        <source>Approve and sign…</source>
        <translation>อนุมัติและลงนาม…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="460"/>
        <source>Refuse…</source>
        <translation>ไม่อนุมัติ…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="461"/>
        <source>Send back…</source>
        <translation>ส่งกลับผู้ตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="462"/>
        <source>Verify signature</source>
        <translation>ตรวจลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/page.py" line="463"/>
        <source>Check a signed PDF…</source>
        <translation>ตรวจไฟล์ PDF ที่ลงนาม…</translation>
    </message>
</context>
<context>
    <name>ArchiveExportFlow</name>
    <message>
        <location filename="../../ui/shell/archive_export.py" line="55"/>
        <source>Export for the archives</source>
        <translation>ส่งออกแฟ้มคำขอเพื่อการเก็บรักษา</translation>
    </message>
    <message>
        <location filename="../../ui/shell/archive_export.py" line="55"/>
        <source>PDF/A files (*.pdf)</source>
        <translation>ไฟล์ PDF/A (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/archive_export.py" line="73"/>
        <source>Exporting the file of %1…</source>
        <translation>กำลังส่งออกแฟ้มคำขอ %1…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/archive_export.py" line="91"/>
        <source>Exported the file of %1 (%2 pages, PDF/A) to %3</source>
        <translation>ส่งออกแฟ้มคำขอ %1 แล้ว (%2 หน้า PDF/A) ที่ %3</translation>
    </message>
</context>
<context>
    <name>ArrivalBanner</name>
    <message>
        <location filename="../../ui/approval/arrivals.py" line="164"/>
        <source>{count} reviewed request(s) arrived for your approval: {numbers}</source>
        <translation>มีคำขอที่ตรวจแล้ว {count} รายการ เข้ามารอท่านพิจารณาอนุมัติ: {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/arrivals.py" line="168"/>
        <source>Open approvals</source>
        <translation>เปิดหน้ารออนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/arrivals.py" line="169"/>
        <location filename="../../ui/approval/arrivals.py" line="170"/>
        <source>Dismiss this message</source>
        <translation>ปิดข้อความนี้</translation>
    </message>
</context>
<context>
    <name>ArrivalNotifier</name>
    <message>
        <location filename="../../ui/approval/arrivals.py" line="192"/>
        <source>Anuyat: waiting for your approval</source>
        <translation>อนุญาต: มีคำขอรอท่านอนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/arrivals.py" line="193"/>
        <source>{count} reviewed request(s) arrived: {numbers}</source>
        <translation>คำขอที่ตรวจแล้วเข้ามา {count} รายการ: {numbers}</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="191"/>
        <source>Assign out of turn</source>
        <translation>มอบหมายก่อนลำดับ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="202"/>
        <location filename="../../ui/worklist/assign_dialog.py" line="224"/>
        <source>Assign</source>
        <translation>มอบหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="205"/>
        <source>Assign request {number}</source>
        <translation>มอบหมายคำขอ {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="208"/>
        <source>Assign {count} requests</source>
        <translation>มอบหมายคำขอ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="211"/>
        <source> and {n} more</source>
        <translation> และอีก {n} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="212"/>
        <source>To &amp;officer</source>
        <translation>ให้เจ้าหน้าที่ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="213"/>
        <source>To &amp;section</source>
        <translation>ให้ฝ่าย (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="214"/>
        <source>&amp;Note for the officer (internal, optional)</source>
        <translation>ความเห็นถึงเจ้าหน้าที่ (ภายใน ไม่บังคับ) (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="217"/>
        <source>Kept as an internal note on each request: later officers and the approver read it; the applicant never does.</source>
        <translation>บันทึกเป็นความเห็นเจ้าหน้าที่ในแต่ละคำขอ เจ้าหน้าที่ผู้รับงานต่อและผู้อนุมัติอ่านได้ ผู้ยื่นคำขอไม่เห็น</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="221"/>
        <source>&amp;Reason for passing over earlier requests</source>
        <translation>เหตุผลที่มอบหมายก่อนคำขอที่ยื่นก่อนหน้า (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/assign_dialog.py" line="222"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="312"/>
        <source>No events match these filters.</source>
        <translation>ไม่มีเหตุการณ์ที่ตรงกับตัวกรองนี้</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="361"/>
        <source>After the break: not vouched for by the chain</source>
        <translation>อยู่หลังจุดที่ห่วงโซ่ขาด: ห่วงโซ่ยืนยันไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="347"/>
        <source>The newest {shown} of {total} matching events (save them all below)</source>
        <translation>{shown} รายการล่าสุด จากทั้งหมด {total} รายการที่ตรงกัน (บันทึกทั้งหมดได้ด้วยปุ่มด้านขวา)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="244"/>
        <source>Checking the audit chain…</source>
        <translation>กำลังตรวจห่วงโซ่บันทึก…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="278"/>
        <source>Reading the events…</source>
        <translation>กำลังอ่านเหตุการณ์…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="349"/>
        <source>{total} matching events</source>
        <translation>ตรงกัน {total} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="359"/>
        <source>The chain checks out up to this event</source>
        <translation>ห่วงโซ่ตรวจผ่านถึงเหตุการณ์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="362"/>
        <source>Recorded after the last check: verify the chain again</source>
        <translation>บันทึกหลังการตรวจครั้งล่าสุด: กดตรวจห่วงโซ่อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="380"/>
        <source>CSV (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="380"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>ไฟล์ตารางคำนวณ (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="382"/>
        <source>Save the audit events</source>
        <translation>บันทึกรายการเหตุการณ์</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="393"/>
        <source>Saved: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="416"/>
        <source>any kind</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="419"/>
        <source>Audit log</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="420"/>
        <source>&amp;Verify the chain again</source>
        <translation>&amp;ตรวจห่วงโซ่อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="421"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="422"/>
        <source>tracking number</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="423"/>
        <location filename="../../ui/reports/audit_page.py" line="437"/>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="424"/>
        <source>user name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="425"/>
        <location filename="../../ui/reports/audit_page.py" line="438"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="427"/>
        <source>Dates from</source>
        <translation>ช่วงวันที่ตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="428"/>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="429"/>
        <source>&amp;Search</source>
        <translation>&amp;ค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="430"/>
        <source>C&amp;lear</source>
        <translation>&amp;ล้างตัวกรอง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="431"/>
        <source>Save as &amp;CSV…</source>
        <translation>บันทึกเป็น &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="432"/>
        <source>Save as spreads&amp;heet…</source>
        <translation>บันทึกเป็นตาราง&amp;คำนวณ…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="435"/>
        <source>Row</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="436"/>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="439"/>
        <source>About</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="440"/>
        <source>Details (ID numbers masked)</source>
        <translation>รายละเอียด (ปิดเลขประจำตัวประชาชน)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/audit_page.py" line="441"/>
        <source>Chain</source>
        <translation>ห่วงโซ่</translation>
    </message>
</context>
<context>
    <name>BackupIndicator</name>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="123"/>
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="129"/>
        <source>No backup yet</source>
        <translation>ยังไม่เคยสำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="127"/>
        <source>No backup folder</source>
        <translation>ยังไม่กำหนดที่สำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="132"/>
        <source>Backup old: %1</source>
        <translation>สำรองเก่า: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="133"/>
        <source>Backup %1</source>
        <translation>สำรองล่าสุด %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="142"/>
        <source>The last backup was made %1, more than %2 hours ago.</source>
        <translation>สำรองข้อมูลครั้งล่าสุดเมื่อ %1 นานกว่า %2 ชั่วโมงแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="146"/>
        <source>The last backup was made %1.</source>
        <translation>สำรองข้อมูลครั้งล่าสุดเมื่อ %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="149"/>
        <source>Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="150"/>
        <source>Make a backup now in the backup folder</source>
        <translation>สำรองข้อมูลลงที่เก็บสำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="165"/>
        <source>The administrator sets the backup folder on the Settings page.</source>
        <translation>ผู้ดูแลระบบกำหนดที่เก็บสำรองข้อมูลได้ในหน้าตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/backup_indicator.py" line="168"/>
        <source>Backup failed</source>
        <translation>สำรองข้อมูลไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>BatchProgressDialog</name>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="97"/>
        <source>Opening the token…</source>
        <translation>กำลังเปิดโทเคน…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="122"/>
        <source>Stopping after the request being signed…</source>
        <translation>จะหยุดหลังลงนามรายการที่กำลังทำอยู่…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="127"/>
        <source>Signed {done} of {total}: {number}</source>
        <translation>ลงนามแล้ว {done} จาก {total}: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="138"/>
        <source>Nothing more was signed.</source>
        <translation>ไม่ได้ลงนามรายการใดเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="159"/>
        <source>Approved and signed: {count}</source>
        <translation>อนุมัติและลงนามแล้ว: {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="162"/>
        <source>Cancelled; {count} left in the queue.</source>
        <translation>ยกเลิกแล้ว เหลือในคิว {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="166"/>
        <source>Signed without a time-stamp: {count} (the time-stamping authority did not answer). Press “Add timestamps” on the approval page once online.</source>
        <translation>ลงนามโดยยังไม่มีตราประทับเวลา {count} รายการ (ผู้ให้บริการตราประทับเวลาไม่ตอบ) เมื่อต่อเครือข่ายได้แล้วให้กด “เพิ่มตราประทับเวลา” ที่หน้ารออนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="171"/>
        <source>Skipped: {reason}</source>
        <translation>ข้าม: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="180"/>
        <source>Signing</source>
        <translation>กำลังลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="181"/>
        <source>Approving and signing; keep the token plugged in.</source>
        <translation>กำลังอนุมัติและลงนาม โปรดเสียบโทเคนไว้จนเสร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="182"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/approval/batch_progress.py" line="183"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../ui/common/call_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CashBox</name>
    <message>
        <location filename="../../ui/fees/cash.py" line="66"/>
        <source>Cash at the counter</source>
        <translation>รับเงินสดที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cash.py" line="67"/>
        <source>Transaction ID or tracking number:</source>
        <translation>รหัสอ้างอิงการชำระ หรือเลขที่รับเรื่อง:</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cash.py" line="68"/>
        <source>Amount counted (baht):</source>
        <translation>จำนวนเงินที่นับได้ (บาท):</translation>
    </message>
    <message>
        <location filename="../../ui/fees/cash.py" line="69"/>
        <source>Record the cash and print the receipt</source>
        <translation>บันทึกรับเงินสดและพิมพ์ใบเสร็จ</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/catalog/catalog_page.py" line="44"/>
        <source>Service catalog and holidays</source>
        <translation>รายการบริการ (คู่มือประชาชน) และวันหยุดราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/catalog_page.py" line="45"/>
        <source>&amp;Services</source>
        <translation>งานบริการ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/catalog_page.py" line="46"/>
        <source>&amp;Holidays</source>
        <translation>วันหยุด (&amp;H)</translation>
    </message>
</context>
<context>
    <name>CatalogVersions</name>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="54"/>
        <source>file</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="55"/>
        <source>form</source>
        <translation>แบบฟอร์ม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="56"/>
        <source>import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="57"/>
        <source>upgrade</source>
        <translation>ปรับรุ่นโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="62"/>
        <source>the system</source>
        <translation>ระบบ</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <location filename="../../ui/review/certify.py" line="120"/>
        <source>Certify a copy</source>
        <translation>รับรองสำเนาถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="121"/>
        <source>Make a certified true copy of this document?</source>
        <translation>ทำสำเนาถูกต้องของเอกสารนี้หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="122"/>
        <source>Document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="123"/>
        <source>Pages</source>
        <translation>จำนวนหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="126"/>
        <source>1 page; it gets the stamp</source>
        <translation>1 หน้า ประทับตรา</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="129"/>
        <source>All {count} pages; each gets the stamp</source>
        <translation>ทั้ง {count} หน้า ประทับตราทุกหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="132"/>
        <source>Every page of the copy gets the stamp</source>
        <translation>ประทับตราทุกหน้าของสำเนา</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="133"/>
        <source>The stamp will say</source>
        <translation>ข้อความบนตรารับรอง</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="136"/>
        <source>The copy is a new PDF added to this request; the original is not changed. A copy made by mistake can be withdrawn afterwards.</source>
        <translation>สำเนาเป็นไฟล์ PDF ใหม่ที่เพิ่มเข้าในคำขอนี้ ต้นฉบับไม่ถูกแก้ไข หากทำสำเนาผิดสามารถถอนสำเนาได้ภายหลัง</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="140"/>
        <source>Make certified copy</source>
        <translation>ทำสำเนาถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="141"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>CertifyFlow</name>
    <message>
        <location filename="../../ui/review/certify.py" line="242"/>
        <source>Undo (withdraw the copy)…</source>
        <translation>ยกเลิก (ถอนสำเนานี้)…</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="258"/>
        <source>Certified copy withdrawn: {name} (kept, struck through)</source>
        <translation>ถอนสำเนาถูกต้องแล้ว: {name} (ยังเก็บไว้ แสดงขีดฆ่า)</translation>
    </message>
</context>
<context>
    <name>ChainBanner</name>
    <message>
        <location filename="../../ui/reports/chain_banner.py" line="44"/>
        <source>Audit chain BROKEN at event {seq}: {problem}. Events up to {last} check out; those after it are not vouched for. Run &apos;anuyat audit verify&apos; and tell the agency&apos;s IT officer.</source>
        <translation>ห่วงโซ่บันทึกขาดที่เหตุการณ์ {seq}: {problem} — เหตุการณ์ถึงลำดับ {last} ตรวจผ่าน ส่วนที่อยู่หลังจากนั้นยืนยันไม่ได้ ให้สั่ง anuyat audit verify และแจ้งเจ้าหน้าที่ไอทีของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chain_banner.py" line="52"/>
        <source>The chain checks out against itself up to event {last}, but it does not match a checkpoint kept outside the store: {problem}</source>
        <translation>ห่วงโซ่ตรวจผ่านภายในตัวเองถึงเหตุการณ์ {last} แต่ไม่ตรงกับจุดตรวจสอบที่เก็บไว้นอกฐานข้อมูล: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chain_banner.py" line="58"/>
        <source>Audit chain intact up to event {last} ({checked} events checked). No checkpoint outside the store yet: &apos;anuyat audit checkpoint&apos; writes one (so do sync and sign-out).</source>
        <translation>ห่วงโซ่บันทึกสมบูรณ์ถึงเหตุการณ์ {last} (ตรวจแล้ว {checked} เหตุการณ์) ยังไม่มีจุดตรวจสอบนอกฐานข้อมูล: คำสั่ง anuyat audit checkpoint จะเขียนให้ (การซิงก์และการออกจากระบบก็เขียนด้วย)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/chain_banner.py" line="65"/>
        <source>Audit chain intact up to event {last} ({checked} events checked; {anchors} checkpoints outside the store agree).</source>
        <translation>ห่วงโซ่บันทึกสมบูรณ์ถึงเหตุการณ์ {last} (ตรวจแล้ว {checked} เหตุการณ์ ตรงกับจุดตรวจสอบนอกฐานข้อมูล {anchors} จุด)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="175"/>
        <location filename="../../ui/admin/password_dialogs.py" line="195"/>
        <source>Change password</source>
        <translation>เปลี่ยนรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="179"/>
        <source>{name}, you signed in with a one-time password. Choose your own password before you start work.</source>
        <translation>{name} ลงชื่อเข้าใช้ด้วยรหัสผ่านชั่วคราว ตั้งรหัสผ่านของตนเองก่อนเริ่มงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="183"/>
        <source>&amp;One-time password</source>
        <translation>รหัสผ่านชั่วคราว (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="184"/>
        <source>Sign out</source>
        <translation>ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="187"/>
        <source>Change the password of {user}.</source>
        <translation>เปลี่ยนรหัสผ่านของ {user}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="189"/>
        <source>C&amp;urrent password</source>
        <translation>รหัสผ่านปัจจุบัน (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="190"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="191"/>
        <source>&amp;New password</source>
        <translation>รหัสผ่านใหม่ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="192"/>
        <source>New password &amp;again</source>
        <translation>รหัสผ่านใหม่อีกครั้ง (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="195"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/common/formatting.py" line="201"/>
        <source>Email</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="202"/>
        <source>Shared drive</source>
        <translation>โฟลเดอร์ส่วนกลาง</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="203"/>
        <source>Counter</source>
        <translation>ยื่นที่เคาน์เตอร์</translation>
    </message>
</context>
<context>
    <name>CheckLicenceDialog</name>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="101"/>
        <source>The licence to check</source>
        <translation>ใบอนุญาตที่จะตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="103"/>
        <source>Licence PDF or photo (*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff)</source>
        <translation>PDF หรือรูปถ่ายใบอนุญาต (*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="142"/>
        <source>Check a licence</source>
        <translation>ตรวจใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="145"/>
        <source>Check a licence someone shows you: type the number or verification code printed on it, or open its PDF, a photo or a scan.</source>
        <translation>ตรวจใบอนุญาตที่มีผู้นำมาแสดง: พิมพ์เลขที่หรือรหัสตรวจสอบที่พิมพ์อยู่บนใบอนุญาต หรือเปิดไฟล์ PDF รูปถ่าย หรือภาพสแกน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="149"/>
        <source>Number (12/2569) or code (AB12-CD34-EF56)</source>
        <translation>เลขที่ (12/2569) หรือรหัสตรวจสอบ (AB12-CD34-EF56)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="150"/>
        <source>&amp;Look up</source>
        <translation>&amp;ค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="151"/>
        <source>Open a &amp;PDF, photo or scan…</source>
        <translation>เปิดไฟล์ &amp;PDF รูปถ่าย หรือภาพสแกน…</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/check_dialog.py" line="152"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="113"/>
        <source>Why is it rejected? The applicant is told this. Enter saves, Esc cancels</source>
        <translation>เหตุใดจึงไม่ถูกต้อง (ผู้ยื่นจะได้รับแจ้ง) กด Enter เพื่อบันทึก Esc เพื่อยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="118"/>
        <source>Why does it not apply? Enter saves, Esc cancels</source>
        <translation>เหตุใดจึงไม่เกี่ยวข้อง กด Enter เพื่อบันทึก Esc เพื่อยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="284"/>
        <source>Required</source>
        <translation>ต้องมี</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="284"/>
        <source>If any</source>
        <translation>ถ้ามี</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="286"/>
        <source>Proxy</source>
        <translation>มอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="287"/>
        <source>Needed when a proxy applies for the applicant</source>
        <translation>ใช้เมื่อมีผู้รับมอบอำนาจยื่นแทน</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="93"/>
        <source>Found in</source>
        <translation>พบในเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="94"/>
        <source>page</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="95"/>
        <source>Accept  A</source>
        <translation>ถูกต้อง  A</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="96"/>
        <source>Reject  R</source>
        <translation>ไม่ถูกต้อง  R</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="97"/>
        <source>Not applicable  N</source>
        <translation>ไม่เกี่ยวข้อง  N</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="99"/>
        <source>Accept, linked to the document and page on screen (A)</source>
        <translation>ถูกต้อง โดยอ้างอิงเอกสารและหน้าที่เปิดอยู่ (A)</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="104"/>
        <source>Reject, with the reason (R)</source>
        <translation>ไม่ถูกต้อง พร้อมระบุเหตุผล (R)</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="107"/>
        <source>Does not apply to this request (N)</source>
        <translation>ไม่เกี่ยวข้องกับคำขอนี้ (N)</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist_controls.py" line="109"/>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="303"/>
        <source>Not checked yet</source>
        <translation>ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="309"/>
        <source>p. {page}</source>
        <translation>หน้า {page}</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="317"/>
        <source>Reason: {reason}</source>
        <translation>เหตุผล: {reason}</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../ui/review/checklist.py" line="532"/>
        <source>This request has no service yet, so there is no document list to check. Classify it first.</source>
        <translation>คำขอนี้ยังไม่ได้จำแนกงานบริการ จึงยังไม่มีรายการเอกสารให้ตรวจ โปรดจำแนกประเภทก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="538"/>
        <source>Document checklist</source>
        <translation>รายการตรวจเอกสาร</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="116"/>
        <source>Choose a service…</source>
        <translation>เลือกงานบริการ…</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="126"/>
        <source>Classify request</source>
        <translation>จำแนกประเภทคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="128"/>
        <source>Which service is request {number} for?</source>
        <translation>คำขอเลขที่ {number} เป็นงานบริการใด</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="132"/>
        <source>&amp;Service</source>
        <translation>งานบริการ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="133"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="134"/>
        <source>&amp;Person</source>
        <translation>บุคคลธรรมดา (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="135"/>
        <source>&amp;Juristic person</source>
        <translation>นิติบุคคล (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="138"/>
        <source>The processing time counts from when the request was deemed received. The applicant is sent the processing time and the due date.</source>
        <translation>ระยะเวลาดำเนินการนับจากเวลาที่ถือว่าได้รับคำขอ ระบบจะแจ้งระยะเวลาดำเนินการและกำหนดแล้วเสร็จให้ผู้ยื่นทราบทางอีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="142"/>
        <source>Classify</source>
        <translation>จำแนกประเภท</translation>
    </message>
</context>
<context>
    <name>CounterForm</name>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="324"/>
        <source>Enter the applicant&apos;s name.</source>
        <translation>กรอกชื่อผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="466"/>
        <source>Registering…</source>
        <translation>กำลังลงทะเบียน…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="466"/>
        <source>Register request</source>
        <translation>ลงทะเบียนรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="78"/>
        <source>Choose the scanned documents</source>
        <translation>เลือกไฟล์เอกสารที่สแกน</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="473"/>
        <location filename="../../ui/intake/counter_form.py" line="584"/>
        <source>Unclassified — an officer classifies it later</source>
        <translation>รอจำแนกประเภท — เจ้าหน้าที่จำแนกภายหลัง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="524"/>
        <source>13 digits; leave empty if the applicant did not give it.</source>
        <translation>13 หลัก เว้นว่างได้หากผู้ยื่นไม่ได้แจ้ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="525"/>
        <source>{n} of 13 digits</source>
        <translation>กรอกแล้ว {n} จาก 13 หลัก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="526"/>
        <source>Too many digits: {n} of 13</source>
        <translation>ตัวเลขเกิน: {n} หลัก (ต้องมี 13 หลัก)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="527"/>
        <source>Only digits, spaces and dashes</source>
        <translation>กรอกได้เฉพาะตัวเลข ช่องว่าง และขีด</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="531"/>
        <source>✓ Valid number</source>
        <translation>✓ เลขถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="529"/>
        <source>The check digit does not match: probably a typo. Compare with the card.</source>
        <translation>หลักตรวจสอบไม่ตรง น่าจะพิมพ์ผิด โปรดตรวจกับบัตรอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_result.py" line="71"/>
        <source>Request registered — No.</source>
        <translation>รับเรื่องแล้ว เลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="551"/>
        <source>Register a counter or phone request</source>
        <translation>ลงทะเบียนคำขอที่เคาน์เตอร์หรือทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="552"/>
        <source>Close (Esc); what you typed is kept</source>
        <translation>ปิด (Esc) ข้อมูลที่กรอกไว้ยังอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="553"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="554"/>
        <source>Person</source>
        <translation>บุคคลธรรมดา</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="555"/>
        <source>Juristic person</source>
        <translation>นิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="556"/>
        <source>Name *</source>
        <translation>ชื่อผู้ยื่นคำขอ *</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="557"/>
        <source>Title, first name and surname, or company</source>
        <translation>คำนำหน้า ชื่อ นามสกุล หรือชื่อนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="558"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="559"/>
        <source>for the acknowledgement (optional)</source>
        <translation>สำหรับส่งใบรับเรื่อง (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="560"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="561"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="562"/>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="563"/>
        <source>What the applicant asks for</source>
        <translation>เรื่องที่ผู้ยื่นขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="564"/>
        <source>Note</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="565"/>
        <source>Premises address (optional)</source>
        <translation>สถานที่ประกอบการ (ถ้ามี)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="567"/>
        <source>Number, road, sub-district, district, province</source>
        <translation>บ้านเลขที่ ถนน ตำบล อำเภอ จังหวัด</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="569"/>
        <source>What was said at the counter or on the phone</source>
        <translation>รายละเอียดที่ได้รับแจ้งที่เคาน์เตอร์หรือทางโทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="113"/>
        <source>Scanned documents (drop here)</source>
        <translation>เอกสารที่สแกน (ลากไฟล์มาวางได้)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="103"/>
        <source>Add files…</source>
        <translation>เพิ่มไฟล์…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="104"/>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_result.py" line="72"/>
        <source>Copy number</source>
        <translation>คัดลอกเลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_result.py" line="73"/>
        <source>Print receipt…</source>
        <translation>พิมพ์ใบรับคำขอ…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="513"/>
        <source>The applicant consents to the use of their personal data for: {purpose}</source>
        <translation>ผู้ยื่นคำขอยินยอมให้ใช้ข้อมูลส่วนบุคคลเพื่อ: {purpose}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_result.py" line="75"/>
        <source>The receipt for the applicant: tracking number, due date, how to follow up</source>
        <translation>ใบรับคำขอสำหรับผู้ยื่น: เลขที่รับเรื่อง กำหนดแล้วเสร็จ และวิธีติดตามคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="572"/>
        <source>Clear</source>
        <translation>ล้างแบบฟอร์ม</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="589"/>
        <source>Juristic person registration no.</source>
        <translation>เลขทะเบียนนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_form.py" line="591"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="106"/>
        <source>Drop scanned files here, or use “Add files…”</source>
        <translation>ลากไฟล์ที่สแกนมาวางที่นี่ หรือกด “เพิ่มไฟล์…”</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="117"/>
        <source>Scanned documents: {n}</source>
        <translation>เอกสารที่สแกน: {n} ไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/counter_files.py" line="81"/>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>เอกสาร ({patterns});;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="288"/>
        <source>Updated {time}</source>
        <translation>ปรับปรุงเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="304"/>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="306"/>
        <source>New today</source>
        <translation>คำขอใหม่วันนี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="307"/>
        <source>Pending</source>
        <translation>ระหว่างดำเนินการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="308"/>
        <source>Waiting for applicants</source>
        <translation>รอเอกสารจากผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="309"/>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="310"/>
        <source>Close to the deadline</source>
        <translation>ใกล้ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="311"/>
        <source>Due this week</source>
        <translation>ครบกำหนดสัปดาห์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="314"/>
        <source>Requests received today</source>
        <translation>คำขอที่ได้รับวันนี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="315"/>
        <source>Open requests not waiting for the applicant</source>
        <translation>คำขอที่ยังไม่ปิดและไม่ได้รอเอกสารจากผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="316"/>
        <source>Asked for documents; the clock is stopped</source>
        <translation>ขอเอกสารเพิ่มแล้ว หยุดนับเวลาไว้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="317"/>
        <source>Past the deadline in the citizen manual</source>
        <translation>เกินระยะเวลาที่กำหนดในคู่มือสำหรับประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="318"/>
        <source>Within a few business days of the deadline</source>
        <translation>เหลืออีกไม่กี่วันทำการจะครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="319"/>
        <source>Deadline falls in this week</source>
        <translation>ครบกำหนดภายในสัปดาห์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="324"/>
        <source>New requests per day (last 14 days)</source>
        <translation>คำขอใหม่รายวัน (14 วันล่าสุด)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="325"/>
        <source>Open requests per service</source>
        <translation>คำขอที่ยังไม่ปิด แยกตามงานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="326"/>
        <source>Requests each officer holds</source>
        <translation>คำขอที่เจ้าหน้าที่แต่ละคนถืออยู่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="327"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="327"/>
        <source>Open</source>
        <translation>ยังไม่ปิด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="328"/>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/dashboard_view.py" line="328"/>
        <source>Holds</source>
        <translation>ถืออยู่</translation>
    </message>
</context>
<context>
    <name>DataRequestsDialog</name>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="126"/>
        <source>Recorded; it is due in three business days.</source>
        <translation>บันทึกแล้ว ต้องตอบภายในสามวันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="142"/>
        <source>The licence&apos;s data was sent to {email}.</source>
        <translation>ส่งข้อมูลใบอนุญาตไปที่ {email} แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="148"/>
        <source>Recorded as handed over at the counter: print the licence.</source>
        <translation>บันทึกว่าส่งมอบที่เคาน์เตอร์แล้ว ให้พิมพ์ใบอนุญาตมอบให้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="173"/>
        <source>Not yet</source>
        <translation>ยังไม่ตอบ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="192"/>
        <source>Requests for licence data</source>
        <translation>คำขอข้อมูลใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="195"/>
        <source>Someone asks what a licence says: record it here. The answer is due within three business days, free of charge.</source>
        <translation>มีผู้ขอข้อมูลของใบอนุญาต ให้บันทึกไว้ที่นี่ ต้องตอบภายในสามวันทำการโดยไม่เสียค่าใช้จ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="199"/>
        <source>&amp;Licence number or code:</source>
        <translation>เ&amp;ลขที่ใบอนุญาตหรือรหัสตรวจสอบ:</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="200"/>
        <source>&amp;Asked by:</source>
        <translation>&amp;ผู้ขอข้อมูล:</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="201"/>
        <source>&amp;E-mail for the answer:</source>
        <translation>&amp;อีเมลสำหรับส่งคำตอบ:</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="202"/>
        <source>Empty: handed over at the counter</source>
        <translation>เว้นว่าง: ส่งมอบที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="203"/>
        <source>&amp;Record request</source>
        <translation>&amp;บันทึกคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="204"/>
        <source>&amp;Send the data</source>
        <translation>&amp;ส่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="205"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="209"/>
        <source>Licence</source>
        <translation>ใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="209"/>
        <source>Asked by</source>
        <translation>ผู้ขอข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="209"/>
        <source>Due</source>
        <translation>กำหนดส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/data_requests_dialog.py" line="209"/>
        <source>Answered</source>
        <translation>ตอบแล้ว</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="210"/>
        <source>Deactivate officer</source>
        <translation>ระงับการใช้งานบัญชีเจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="213"/>
        <source>{name} ({user}) will no longer be able to sign in, and a window they have open stops at its next action. Their records and name stay; you can activate the account again later.</source>
        <translation>{name} ({user}) จะลงชื่อเข้าใช้ไม่ได้อีก และหน้าจอที่เปิดค้างไว้จะหยุดทำงานเมื่อทำรายการถัดไป ข้อมูลและชื่อในประวัติยังอยู่ครบ และเปิดใช้บัญชีอีกครั้งได้ภายหลัง</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="218"/>
        <source>&amp;Reason (kept in the audit trail)</source>
        <translation>เหตุผล (บันทึกไว้ในประวัติการทำงาน) (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="219"/>
        <source>Deactivate</source>
        <translation>ระงับการใช้งาน</translation>
    </message>
</context>
<context>
    <name>DeliveryBar</name>
    <message>
        <location filename="../../ui/issuing/delivery_bar.py" line="93"/>
        <source>&amp;Deliver</source>
        <translation>&amp;ส่งมอบ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/delivery_bar.py" line="94"/>
        <source>Protect the e-mail with a password</source>
        <translation>ป้องกันไฟล์ในอีเมลด้วยรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/delivery_bar.py" line="98"/>
        <source>By the request&apos;s channel</source>
        <translation>ตามช่องทางของคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/delivery_bar.py" line="103"/>
        <source>Received at the counter by…</source>
        <translation>ผู้รับที่เคาน์เตอร์…</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="59"/>
        <source>Destroy the requests on a list</source>
        <translation>ทำลายคำขอในทะเบียนขอทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="61"/>
        <source>Destroy the {count} requests on destruction list {number}?</source>
        <translation>ทำลายคำขอ {count} รายการในทะเบียนขอทำลายลำดับที่ {number} ใช่หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="67"/>
        <source>By order {order} signed by {signer}. Each request&apos;s form data, message text and files are deleted; what stays is its tombstone (tracking number and dates), the list, and the audit events. A request worked on again since it was listed is not destroyed.</source>
        <translation>ตามคำสั่งที่ {order} ลงนามโดย {signer} ข้อมูลในแบบคำขอ ข้อความ และไฟล์ของแต่ละคำขอจะถูกลบ คงไว้เพียงหลักฐานการทำลาย (เลขที่คำขอและวันที่) ทะเบียนขอทำลาย และบันทึกเหตุการณ์ คำขอที่มีการดำเนินการต่อหลังเข้าทะเบียนจะไม่ถูกทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="75"/>
        <source>This cannot be undone. Backups made before today still hold the files until the agency&apos;s backup media are rotated.</source>
        <translation>ทำแล้วย้อนกลับไม่ได้ ข้อมูลสำรองที่ทำไว้ก่อนวันนี้ยังมีไฟล์อยู่จนกว่าหน่วยงานจะหมุนเวียนสื่อสำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="79"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/retention/destroy_dialog.py" line="80"/>
        <source>&amp;Destroy them</source>
        <translation>ทำลาย (&amp;D)</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="166"/>
        <source>Close the details (Esc)</source>
        <translation>ปิดรายละเอียด (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="167"/>
        <source>Classify…</source>
        <translation>จำแนกประเภท…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="169"/>
        <source>Name the service and the kind of applicant; the applicant is sent the SLA</source>
        <translation>ระบุงานบริการและประเภทผู้ยื่น แล้วแจ้งระยะเวลาดำเนินการให้ผู้ยื่นทราบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="171"/>
        <source>Withdraw…</source>
        <translation>ถอนคำขอ…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="172"/>
        <source>Export for the archives…</source>
        <translation>ส่งออกแฟ้มเพื่อเก็บรักษา…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="174"/>
        <source>Save the request&apos;s whole file (pages, letters, history) as one PDF/A</source>
        <translation>บันทึกแฟ้มคำขอทั้งฉบับ (เอกสาร หนังสือ ประวัติ) เป็นไฟล์ PDF/A ไฟล์เดียว</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="177"/>
        <source>Close the request as withdrawn at the applicant&apos;s wish</source>
        <translation>ปิดคำขอเป็น “ผู้ยื่นถอนคำขอ” ตามที่ผู้ยื่นแจ้ง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="195"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="199"/>
        <location filename="../../ui/shell/detail_panel.py" line="204"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="200"/>
        <source>Service (English)</source>
        <translation>งานบริการ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="205"/>
        <source>Service (Thai)</source>
        <translation>งานบริการ (ภาษาไทย)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="208"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="209"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="210"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="216"/>
        <source>Due</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="217"/>
        <source>Time left</source>
        <translation>เวลาที่เหลือ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="223"/>
        <source>When the clock restarts</source>
        <translation>เมื่อเริ่มนับเวลาต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="228"/>
        <source>Assignee</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="228"/>
        <source>Unassigned</source>
        <translation>ยังไม่มอบหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="229"/>
        <source>Documents</source>
        <translation>จำนวนเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/shell/detail_panel.py" line="230"/>
        <source>Tags</source>
        <translation>ป้ายกำกับ</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="178"/>
        <source>Open with the system viewer</source>
        <translation>เปิดด้วยโปรแกรมของเครื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="180"/>
        <source>Pages</source>
        <translation>หน้าเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="325"/>
        <location filename="../../ui/viewer/document_viewer.py" line="431"/>
        <source>Opening {name}…</source>
        <translation>กำลังเปิด {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="392"/>
        <source>This PDF did not open in the viewer at intake ({name}); open it with the system viewer.</source>
        <translation>PDF นี้เปิดในโปรแกรมแสดงเอกสารไม่ได้ตั้งแต่ตอนรับเข้า ({name}) — เปิดด้วยโปรแกรมของเครื่องแทน</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="408"/>
        <source>The words of the Word file only; its layout is not shown.</source>
        <translation>แสดงเฉพาะข้อความในไฟล์ Word ไม่แสดงรูปแบบหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="417"/>
        <source>This kind of file cannot be shown here ({name}).</source>
        <translation>แสดงไฟล์ชนิดนี้ในโปรแกรมไม่ได้ ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="491"/>
        <source>The request&apos;s own message, as it arrived.</source>
        <translation>ข้อความของคำขอตามที่ได้รับ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="492"/>
        <source>(The request came without a message.)</source>
        <translation>(คำขอนี้ไม่มีข้อความแนบมา)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="545"/>
        <source>The file could not be read at intake.</source>
        <translation>ระบบอ่านไฟล์นี้ไม่ได้ตอนรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="546"/>
        <source>This PDF is password-protected.</source>
        <translation>ไฟล์ PDF นี้ตั้งรหัสผ่านไว้</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="547"/>
        <source>Low image resolution: check that it can be read.</source>
        <translation>ภาพความละเอียดต่ำ ตรวจดูว่าอ่านออกหรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="548"/>
        <source>The file&apos;s name does not match its content.</source>
        <translation>ชื่อไฟล์ไม่ตรงกับชนิดของเนื้อไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="549"/>
        <source>The PDF limits printing or editing.</source>
        <translation>PDF นี้จำกัดการพิมพ์หรือแก้ไข</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/document_viewer.py" line="550"/>
        <source>The file holds embedded objects: do not open them.</source>
        <translation>ไฟล์มีวัตถุฝังอยู่ อย่าเปิดวัตถุเหล่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="235"/>
        <source>Message from the applicant</source>
        <translation>ข้อความจากผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="243"/>
        <source>withdrawn copy</source>
        <translation>สำเนาที่ถอนแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="245"/>
        <source>Withdrawn: {reason}</source>
        <translation>ถอนแล้ว: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="249"/>
        <source>certified copy</source>
        <translation>สำเนาที่รับรองแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="279"/>
        <source>{page} / {count}</source>
        <translation>{page} / {count}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="287"/>
        <source>Page {page} of {count}</source>
        <translation>หน้า {page} จาก {count}</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <location filename="../../ui/common/errors.py" line="91"/>
        <location filename="../../ui/common/errors.py" line="92"/>
        <source>Dismiss this message</source>
        <translation>ปิดข้อความนี้</translation>
    </message>
</context>
<context>
    <name>FeeAccountForm</name>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="57"/>
        <source>Account &amp;name</source>
        <translation>ชื่อบัญชี (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="58"/>
        <source>&amp;Bank and branch (Thai)</source>
        <translation>ธนาคารและสาขา ภาษาไทย (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="59"/>
        <source>Bank and branch (&amp;English)</source>
        <translation>ธนาคารและสาขา ภาษาอังกฤษ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="60"/>
        <source>Account n&amp;umber</source>
        <translation>เลขที่บัญชี (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="61"/>
        <source>&amp;PromptPay</source>
        <translation>พร้อมเพย์ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="62"/>
        <source>PromptPay &amp;ID or biller ID</source>
        <translation>รหัสพร้อมเพย์หรือรหัสผู้รับชำระบิล (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="67"/>
        <source>None: the notice gives the account only</source>
        <translation>ไม่ใช้: หนังสือแจ้งชำระระบุเฉพาะเลขที่บัญชี</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="68"/>
        <source>Transfer to a PromptPay ID (phone or tax ID)</source>
        <translation>โอนเข้าพร้อมเพย์ (เบอร์โทรศัพท์หรือเลขประจำตัวผู้เสียภาษี)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="69"/>
        <source>Bill payment to a biller ID (Transaction ID as reference)</source>
        <translation>ชำระบิลด้วยรหัสผู้รับชำระ (ใช้รหัสอ้างอิงการชำระเป็น Ref.1)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="74"/>
        <source>10-digit phone, 13-digit tax ID or 15-digit biller ID</source>
        <translation>เบอร์โทรศัพท์ 10 หลัก เลขผู้เสียภาษี 13 หลัก หรือรหัสผู้รับชำระบิล 15 หลัก</translation>
    </message>
    <message>
        <location filename="../../ui/admin/fee_account_form.py" line="76"/>
        <source>e.g. 123-4-56789-0</source>
        <translation>เช่น 123-4-56789-0</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <location filename="../../ui/fees/page.py" line="165"/>
        <source>Payments to verify</source>
        <translation>ตรวจสอบการชำระเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="167"/>
        <location filename="../../ui/fees/page.py" line="171"/>
        <source>Tracking number</source>
        <translation>เลขที่รับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="167"/>
        <location filename="../../ui/fees/page.py" line="172"/>
        <source>Payer</source>
        <translation>ผู้ชำระ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="167"/>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="168"/>
        <location filename="../../ui/fees/page.py" line="175"/>
        <source>Transaction ID</source>
        <translation>รหัสอ้างอิง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="168"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="173"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="174"/>
        <source>Expected amount</source>
        <translation>ยอดที่ต้องชำระ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="176"/>
        <source>Slip (bank, reference)</source>
        <translation>สลิป (ธนาคาร, เลขอ้างอิง)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="177"/>
        <source>Pay by</source>
        <translation>ชำระภายใน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="181"/>
        <source>Amount on the slip, if not the expected one:</source>
        <translation>จำนวนเงินในสลิป หากไม่ตรงกับที่ต้องชำระ:</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="182"/>
        <source>e.g. 150.00</source>
        <translation>เช่น 150.00</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="184"/>
        <source>Reason, if the slip is not accepted (the applicant is told):</source>
        <translation>เหตุผลหากไม่รับสลิป (ผู้ยื่นจะได้รับแจ้ง):</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="186"/>
        <source>Payments</source>
        <translation>รายการชำระเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="189"/>
        <source>Verify and issue the receipt (Ctrl+Enter)</source>
        <translation>ยืนยันและออกใบเสร็จ (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="190"/>
        <source>Reject the slip…</source>
        <translation>ไม่รับสลิป…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="205"/>
        <source>Finance inbox</source>
        <translation>กล่องการเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="211"/>
        <source>Refunds owed</source>
        <translation>เงินที่ต้องคืน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="235"/>
        <source>Slip used before: check</source>
        <translation>สลิปเคยใช้แล้ว: ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="237"/>
        <source>Slip to check</source>
        <translation>สลิปรอตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="237"/>
        <source>Awaiting payment</source>
        <translation>รอชำระเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="269"/>
        <source>The file %1 cannot be drawn; open it from the request.</source>
        <translation>แสดงไฟล์ %1 ไม่ได้ ให้เปิดจากคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="282"/>
        <source>Less than the fee: the receipt will be for %1 baht and the applicant is asked for the other %2 baht with a new notice.</source>
        <translation>น้อยกว่าค่าธรรมเนียม: ใบเสร็จจะออกเป็นเงิน %1 บาท และแจ้งผู้ยื่นให้ชำระส่วนที่เหลือ %2 บาท พร้อมหนังสือแจ้งชำระฉบับใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="291"/>
        <source>More than the fee: the receipt will be for the fee, and a refund of %1 baht is recorded and the applicant told.</source>
        <translation>มากกว่าค่าธรรมเนียม: ใบเสร็จจะออกเป็นเงินค่าธรรมเนียม และบันทึกเงินที่ต้องคืน %1 บาท พร้อมแจ้งผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="302"/>
        <source>Nothing waits: no payment has a slip to check.</source>
        <translation>ไม่มีรายการรอ: ยังไม่มีสลิปที่ต้องตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="312"/>
        <source>%1 baht</source>
        <translation>%1 บาท</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="321"/>
        <source>No slip yet: the applicant has not sent one.</source>
        <translation>ยังไม่มีสลิป: ผู้ยื่นยังไม่ได้ส่งมา</translation>
    </message>
    <message>
        <location filename="../../ui/fees/page.py" line="324"/>
        <source>A file on this request repeats a slip already used for a payment. Check it with the bank before verifying.</source>
        <translation>ไฟล์ในคำขอนี้ซ้ำกับสลิปที่เคยใช้ชำระแล้ว ให้ตรวจสอบกับธนาคารก่อนยืนยัน</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="232"/>
        <source>All services</source>
        <translation>ทุกงานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="233"/>
        <source>Not yet classified</source>
        <translation>ยังไม่จำแนกประเภท</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="238"/>
        <source>Any officer</source>
        <translation>เจ้าหน้าที่ทุกคน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="239"/>
        <source>Nobody (unassigned)</source>
        <translation>ยังไม่มีผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="243"/>
        <source>All channels</source>
        <translation>ทุกช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="247"/>
        <source>First come first</source>
        <translation>ยื่นก่อนขึ้นก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="248"/>
        <source>Due soonest first</source>
        <translation>ใกล้ครบกำหนดก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="249"/>
        <source>Newest first</source>
        <translation>ใหม่สุดก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="256"/>
        <source>(none)</source>
        <translation>(ไม่ใช้)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="282"/>
        <source>Save view</source>
        <translation>บันทึกมุมมอง</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="283"/>
        <source>Name of this view (for example “Overdue food shops”):</source>
        <translation>ชื่อมุมมองนี้ (เช่น “ร้านอาหารเกินกำหนด”):</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="299"/>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="300"/>
        <source>Save view…</source>
        <translation>บันทึกมุมมอง…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="301"/>
        <source>Delete view</source>
        <translation>ลบมุมมอง</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="302"/>
        <source>Received &amp;from</source>
        <translation>รับตั้งแต่ (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="303"/>
        <source>&amp;to</source>
        <translation>ถึง (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="304"/>
        <source>&amp;Overdue only</source>
        <translation>เกินกำหนด (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="305"/>
        <source>Assigned to &amp;me</source>
        <translation>งานของฉัน (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="306"/>
        <source>Mine &amp;first</source>
        <translation>ของฉันก่อน (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="307"/>
        <source>&amp;Order</source>
        <translation>เรียงตาม (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="308"/>
        <source>Clear filters</source>
        <translation>ล้างตัวกรอง</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="309"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="310"/>
        <source>Officer holding the request</source>
        <translation>เจ้าหน้าที่ผู้รับผิดชอบคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="311"/>
        <source>Channel the request came by</source>
        <translation>ช่องทางที่ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="315"/>
        <source>Saved views</source>
        <translation>มุมมองที่บันทึกไว้</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="316"/>
        <source>Received from</source>
        <translation>รับตั้งแต่วันที่</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="317"/>
        <source>Received to</source>
        <translation>รับถึงวันที่</translation>
    </message>
</context>
<context>
    <name>FinanceInbox</name>
    <message>
        <location filename="../../ui/fees/inbox.py" line="119"/>
        <source>Slips and payment mail that name no payment of ours, or come from someone other than the applicant. Attach each to the payment it proves, or set it aside with a reason.</source>
        <translation>สลิปและอีเมลแจ้งชำระเงินที่ไม่ระบุการชำระใดของหน่วยงาน หรือส่งมาจากผู้อื่นที่ไม่ใช่ผู้ยื่นคำขอ โปรดแนบแต่ละรายการกับการชำระเงินที่สลิปนั้นเป็นหลักฐาน หรือพักไว้พร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="125"/>
        <location filename="../../ui/fees/inbox.py" line="130"/>
        <source>Received</source>
        <translation>วันที่ได้รับ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="125"/>
        <source>Sender</source>
        <translation>ผู้ส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="125"/>
        <location filename="../../ui/fees/inbox.py" line="129"/>
        <source>Subject</source>
        <translation>หัวเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="125"/>
        <source>Slip</source>
        <translation>สลิป</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="128"/>
        <source>From</source>
        <translation>จาก</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="131"/>
        <source>Slip (bank, reference)</source>
        <translation>สลิป (ธนาคาร, เลขอ้างอิง)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="132"/>
        <source>Why it is here</source>
        <translation>เหตุที่อยู่ในกล่องนี้</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="136"/>
        <source>Transaction ID or tracking number of the payment:</source>
        <translation>รหัสอ้างอิงการชำระ หรือเลขที่รับเรื่อง:</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="137"/>
        <source>Attach to this payment</source>
        <translation>แนบกับการชำระนี้</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="138"/>
        <source>Or set it aside, with the reason:</source>
        <translation>หรือพักไว้ พร้อมเหตุผล:</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="139"/>
        <source>Set aside</source>
        <translation>พักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="194"/>
        <source>The file %1 cannot be drawn.</source>
        <translation>แสดงไฟล์ %1 ไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="202"/>
        <source>It names the payment %1 (request %2), but the sender is not that request&apos;s applicant.</source>
        <translation>ระบุการชำระรหัส %1 (คำขอ %2) แต่ผู้ส่งไม่ใช่ผู้ยื่นคำขอนั้น</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="209"/>
        <source>It names request %1 but came from another address.</source>
        <translation>ระบุคำขอ %1 แต่ส่งมาจากอีเมลอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="212"/>
        <source>It names no payment or request of ours.</source>
        <translation>ไม่ระบุการชำระหรือคำขอใดของหน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="223"/>
        <source>Choose a slip from the list.</source>
        <translation>เลือกสลิปจากรายการ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="225"/>
        <source>The finance inbox is empty.</source>
        <translation>ไม่มีสลิปในกล่องการเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="245"/>
        <source>The mail carries no file.</source>
        <translation>อีเมลนี้ไม่มีไฟล์แนบ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/inbox.py" line="248"/>
        <source>This slip already proves the payment of request %1: it cannot be used again. Check with the bank, then set it aside.</source>
        <translation>สลิปนี้เป็นหลักฐานการชำระของคำขอ %1 แล้ว ใช้ซ้ำไม่ได้ โปรดตรวจสอบกับธนาคาร แล้วพักสลิปนี้ไว้</translation>
    </message>
</context>
<context>
    <name>ForwardBox</name>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="153"/>
        <source>Forwarded request</source>
        <translation>คำขอที่ส่งต่อมา</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="154"/>
        <source>The original sender is the applicant</source>
        <translation>ผู้ส่งต้นฉบับเป็นผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="156"/>
        <source>The acknowledgement and later letters go to the original sender</source>
        <translation>หนังสือตอบรับและหนังสือต่อ ๆ ไปส่งถึงผู้ส่งต้นฉบับ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="158"/>
        <source>Keep the forwarder</source>
        <translation>ให้ผู้ส่งต่อเป็นผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="160"/>
        <source>The one who forwarded it stays the applicant and is acknowledged</source>
        <translation>ผู้ที่ส่งต่อเป็นผู้ยื่นต่อไป และได้รับหนังสือตอบรับ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="173"/>
        <source>{forwarder} forwarded this request; it names {original} as its sender. Who is the applicant? No acknowledgement was sent yet.</source>
        <translation>{forwarder} ส่งต่อคำขอนี้มา โดยระบุว่า {original} เป็นผู้ส่ง ใครเป็นผู้ยื่นคำขอ? ยังไม่ได้ส่งหนังสือตอบรับ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="178"/>
        <source>Forwarded by {forwarder}. Confirmed: the applicant is the original sender, {original}.</source>
        <translation>ส่งต่อโดย {forwarder} ยืนยันแล้ว: ผู้ยื่นคือผู้ส่งต้นฉบับ {original}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/forward_box.py" line="183"/>
        <source>Forwarded by {forwarder}, naming {original}. Confirmed: the forwarder stays the applicant.</source>
        <translation>ส่งต่อโดย {forwarder} ระบุ {original} ยืนยันแล้ว: ผู้ส่งต่อเป็นผู้ยื่น</translation>
    </message>
</context>
<context>
    <name>HeaderBand</name>
    <message>
        <location filename="../../ui/shell/header_band.py" line="116"/>
        <source>Change the language of the screens</source>
        <translation>เปลี่ยนภาษาที่แสดงบนหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/header_band.py" line="117"/>
        <source>Account</source>
        <translation>บัญชีผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/header_band.py" line="119"/>
        <source>Your account: change your password, lock the screen, sign out</source>
        <translation>บัญชีของท่าน: เปลี่ยนรหัสผ่าน ล็อกหน้าจอ ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/header_band.py" line="138"/>
        <source>Station {code} · {name}</source>
        <translation>จุดบริการ {code} · {name}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/review/info.py" line="212"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="212"/>
        <source>Who</source>
        <translation>ผู้ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/info.py" line="212"/>
        <source>What</source>
        <translation>รายการ</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="81"/>
        <source>Holiday</source>
        <translation>วันหยุด</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="85"/>
        <source>&amp;Date</source>
        <translation>วันที่ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="86"/>
        <source>Name (&amp;Thai)</source>
        <translation>ชื่อภาษาไทย (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="87"/>
        <source>Name (&amp;English)</source>
        <translation>ชื่อภาษาอังกฤษ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="88"/>
        <source>Con&amp;firmed</source>
        <translation>ยืนยันแล้ว (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="93"/>
        <source>The date is in the Cabinet&apos;s final announcement</source>
        <translation>วันที่นี้ตรงกับประกาศของคณะรัฐมนตรีฉบับสุดท้ายแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="94"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="95"/>
        <source>&amp;Preview…</source>
        <translation>ดูผลก่อนบันทึก… (&amp;P)</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="120"/>
        <source>&amp;Year</source>
        <translation>ปี (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="121"/>
        <source>&amp;Import the Cabinet&apos;s announcement…</source>
        <translation>นำเข้าประกาศคณะรัฐมนตรี… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="122"/>
        <source>&amp;Add holiday…</source>
        <translation>เพิ่มวันหยุด… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="123"/>
        <source>&amp;Confirm date</source>
        <translation>ยืนยันวันที่ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="124"/>
        <source>&amp;Remove</source>
        <translation>ลบ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="127"/>
        <source>⚠ To confirm: announced or computed, not yet checked against the Cabinet&apos;s final announcement. Weekends are not listed.</source>
        <translation>⚠ รอยืนยัน: วันที่ประกาศล่วงหน้าหรือคำนวณไว้ ยังไม่ได้ตรวจกับประกาศคณะรัฐมนตรีฉบับสุดท้าย — ไม่แสดงวันเสาร์และวันอาทิตย์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="132"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="132"/>
        <source>Holiday</source>
        <translation>วันหยุด</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="132"/>
        <source>Day</source>
        <translation>วัน</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="132"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="199"/>
        <source>Calendar version {line}</source>
        <translation>ปฏิทินวันหยุดฉบับที่ {line}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="212"/>
        <source>Monday</source>
        <translation>จันทร์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="213"/>
        <source>Tuesday</source>
        <translation>อังคาร</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="214"/>
        <source>Wednesday</source>
        <translation>พุธ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="215"/>
        <source>Thursday</source>
        <translation>พฤหัสบดี</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="216"/>
        <source>Friday</source>
        <translation>ศุกร์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="217"/>
        <source>Saturday</source>
        <translation>เสาร์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="218"/>
        <source>Sunday</source>
        <translation>อาทิตย์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="225"/>
        <source>Confirmed</source>
        <translation>ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="225"/>
        <source>To confirm</source>
        <translation>รอยืนยัน</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holidays_tab.py" line="317"/>
        <source>The Cabinet&apos;s announcement of holidays</source>
        <translation>ประกาศวันหยุดราชการของคณะรัฐมนตรี</translation>
    </message>
</context>
<context>
    <name>IdNumberCheck</name>
    <message>
        <location filename="../../ui/review/identity.py" line="125"/>
        <source>The check digit is right.</source>
        <translation>หลักตรวจสอบถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="129"/>
        <source>It matches the number in the application.</source>
        <translation>ตรงกับเลขในคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="131"/>
        <source>The check digit is right, but the number differs from the one in the application.</source>
        <translation>หลักตรวจสอบถูกต้อง แต่เลขไม่ตรงกับเลขในคำขอ</translation>
    </message>
</context>
<context>
    <name>IdentityCard</name>
    <message>
        <location filename="../../ui/review/identity.py" line="457"/>
        <source>The ID document is genuine</source>
        <translation>บัตรประจำตัวเป็นของจริง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="458"/>
        <source>Photo and details are consistent</source>
        <translation>รูปถ่ายและข้อมูลสอดคล้องกัน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="459"/>
        <source>Call-back to the applicant</source>
        <translation>ติดต่อกลับผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="460"/>
        <source>Stamp duty on the power of attorney</source>
        <translation>อากรแสตมป์หนังสือมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="461"/>
        <source>Call to confirm with the grantor</source>
        <translation>โทรยืนยันกับผู้มอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="463"/>
        <source>Face-to-face proofing (counter or video call)</source>
        <translation>การพิสูจน์ตัวตนแบบพบหน้า (ที่เคาน์เตอร์หรือวิดีโอคอล)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="465"/>
        <source>Company certificate is recent enough</source>
        <translation>หนังสือรับรองนิติบุคคลออกไม่เกินระยะที่กำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="466"/>
        <source>Who may sign for the company</source>
        <translation>ผู้มีอำนาจลงนามแทนนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="468"/>
        <source>The grantor has the authority to delegate</source>
        <translation>ผู้มอบอำนาจมีอำนาจลงนามแทนนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="473"/>
        <source>Must</source>
        <translation>ต้องตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="473"/>
        <source>Should</source>
        <translation>ควรตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="476"/>
        <source>Only “accepted” completes this check.</source>
        <translation>ผ่านได้เฉพาะเมื่อบันทึกว่า “ถูกต้อง”</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="478"/>
        <source>“Not applicable” with a reason also completes this check.</source>
        <translation>บันทึก “ไม่เกี่ยวข้อง” พร้อมเหตุผลก็นับว่าตรวจแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="481"/>
        <source>This check is required here; it cannot be marked not applicable.</source>
        <translation>คำขอนี้ต้องตรวจรายการนี้ จะบันทึกว่าไม่เกี่ยวข้องไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="487"/>
        <source>How it was checked</source>
        <translation>วิธีตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="488"/>
        <source>Number on the card</source>
        <translation>เลขบนบัตร</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="489"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="490"/>
        <source>Number or address used</source>
        <translation>หมายเลขหรืออีเมลที่ติดต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="491"/>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="492"/>
        <source>Result</source>
        <translation>ผลการติดต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="493"/>
        <source>Duty paid by</source>
        <translation>วิธีชำระอากร</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="494"/>
        <source>Receipt no.</source>
        <translation>เลขที่ใบเสร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="495"/>
        <source>Grantor</source>
        <translation>ผู้มอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="496"/>
        <source>Grantor&apos;s ID no.</source>
        <translation>เลขประจำตัวผู้มอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="497"/>
        <source>Grantor&apos;s phone</source>
        <translation>โทรศัพท์ผู้มอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="498"/>
        <source>Note</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="499"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="500"/>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="501"/>
        <source>DOPA reference</source>
        <translation>เลขอ้างอิง (ปค.)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="502"/>
        <source>How</source>
        <translation>วิธีพบ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="503"/>
        <source>Officer</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="504"/>
        <source>Issued on</source>
        <translation>วันที่ออก</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="505"/>
        <source>Authorised directors</source>
        <translation>กรรมการผู้มีอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="506"/>
        <source>Signing</source>
        <translation>การลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="507"/>
        <source>Sign together</source>
        <translation>จำนวนที่ลงนามร่วม</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="508"/>
        <source>Signed by</source>
        <translation>ผู้ลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="513"/>
        <source>Needed when not accepted</source>
        <translation>ต้องระบุเมื่อไม่ใช่ “ถูกต้อง”</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="516"/>
        <source>Card seen, against its security features</source>
        <translation>ตรวจตัวบัตรกับลักษณะป้องกันการปลอมแปลง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="517"/>
        <source>Chip read with a smart-card reader</source>
        <translation>อ่านชิปด้วยเครื่องอ่านบัตรสมาร์ตการ์ด</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="518"/>
        <source>Registry check (DOPA), with its reference</source>
        <translation>ตรวจกับทะเบียนราษฎร (กรมการปกครอง) พร้อมเลขอ้างอิง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="522"/>
        <source>Reference of the DOPA check</source>
        <translation>เลขอ้างอิงการตรวจกับกรมการปกครอง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="523"/>
        <source>To compare only; not stored</source>
        <translation>ใช้เทียบเท่านั้น ไม่บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="525"/>
        <source>In person at the counter</source>
        <translation>พบตัวที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="526"/>
        <source>Video call</source>
        <translation>วิดีโอคอล</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="529"/>
        <source>Must be issued within {months} months.</source>
        <translation>ต้องออกไม่เกิน {months} เดือน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="532"/>
        <source>As named in the company certificate</source>
        <translation>ตามที่ระบุในหนังสือรับรอง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="533"/>
        <source>Any one of them alone</source>
        <translation>คนใดคนหนึ่งลงนามได้</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="534"/>
        <source>Jointly</source>
        <translation>ลงนามร่วมกัน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="535"/>
        <source>Who signed the application</source>
        <translation>ผู้ลงนามในคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="538"/>
        <source>Director(s) who signed the power of attorney</source>
        <translation>กรรมการผู้ลงนามในหนังสือมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="543"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="544"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="546"/>
        <source>To check the digits; not stored</source>
        <translation>ใช้ตรวจตัวเลขเท่านั้น ไม่บันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="549"/>
        <source>Accepted</source>
        <translation>ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="550"/>
        <source>Rejected</source>
        <translation>ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="551"/>
        <source>Not applicable</source>
        <translation>ไม่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="553"/>
        <source>Records the document on screen as evidence</source>
        <translation>บันทึกเอกสารที่เปิดอยู่เป็นหลักฐาน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="557"/>
        <source>On screen: {document}</source>
        <translation>เอกสารที่เปิดอยู่: {document}</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="559"/>
        <source>Open the document in the viewer; it is recorded with the page.</source>
        <translation>เปิดเอกสารในช่องแสดงเอกสาร ระบบจะบันทึกพร้อมเลขหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="562"/>
        <source>Issued within {months} months.</source>
        <translation>ออกไม่เกิน {months} เดือน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="567"/>
        <source>e-Stamp (reference code)</source>
        <translation>e-Stamp (เลขอ้างอิง)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="568"/>
        <source>Paid in money, with a receipt</source>
        <translation>ชำระเป็นตัวเงิน มีใบเสร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="569"/>
        <source>Stamps affixed and cancelled</source>
        <translation>ปิดอากรแสตมป์และขีดฆ่าแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="574"/>
        <source>e-Stamp reference, checked with the Revenue Department</source>
        <translation>เลขอ้างอิง e-Stamp ที่ตรวจกับกรมสรรพากรแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="575"/>
        <source>Duty paid (baht)</source>
        <translation>จำนวนอากรที่ชำระ (บาท)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="576"/>
        <source>Stamps affixed (baht); the document on screen</source>
        <translation>มูลค่าอากรที่ปิด (บาท) ในเอกสารที่เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="582"/>
        <source>Reference</source>
        <translation>เลขอ้างอิง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="582"/>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="588"/>
        <source>Not checked yet</source>
        <translation>ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="593"/>
        <source>Reason: {reason}</source>
        <translation>เหตุผล: {reason}</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <location filename="../../ui/review/identity.py" line="689"/>
        <source>{document}, page {page}</source>
        <translation>{document} หน้า {page}</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="718"/>
        <source>Applied through a proxy? Add the power-of-attorney checks</source>
        <translation>มีผู้รับมอบอำนาจยื่นแทน? เพิ่มการตรวจหนังสือมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="726"/>
        <source>Identity level IAL{level}: check the ID document, meet the applicant face to face (at the counter or by video call), compare the photo and details, and call the applicant back.</source>
        <translation>ระดับการพิสูจน์ตัวตน IAL{level}: ตรวจบัตรประจำตัว พบผู้ยื่นแบบพบหน้า (ที่เคาน์เตอร์หรือวิดีโอคอล) เทียบรูปถ่ายและข้อมูล และติดต่อกลับผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="732"/>
        <source>Identity level IAL{level}: check the ID document, compare the photo and details, and call the applicant back.</source>
        <translation>ระดับการพิสูจน์ตัวตน IAL{level}: ตรวจบัตรประจำตัว เทียบรูปถ่ายและข้อมูล และติดต่อกลับผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="736"/>
        <source>Identity level IAL{level}: check that the ID document is genuine.</source>
        <translation>ระดับการพิสูจน์ตัวตน IAL{level}: ตรวจว่าบัตรประจำตัวเป็นของจริง</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity.py" line="740"/>
        <source>A company applies: check its certificate and who may sign for it.</source>
        <translation>ผู้ยื่นเป็นนิติบุคคล: ตรวจหนังสือรับรองและผู้มีอำนาจลงนาม</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="97"/>
        <source>Issue licence</source>
        <translation>ออกใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="101"/>
        <source>Issue the licence for request {number} ({service}) to {applicant}?</source>
        <translation>ออกใบอนุญาตของคำขอ {number} ({service}) ให้แก่ {applicant} ใช่หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="107"/>
        <source>This service&apos;s risk needs a type {kind} signature or higher on its licence: sign with the USB token.</source>
        <translation>ความเสี่ยงของบริการนี้กำหนดให้ใบอนุญาตลงลายมือชื่อแบบที่ {kind} ขึ้นไป ให้ลงนามด้วยโทเคน USB</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="111"/>
        <source>Pre&amp;mises address:</source>
        <translation>ที่ตั้ง&amp;สถานประกอบการ:</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="112"/>
        <source>number, road, sub-district, district, province</source>
        <translation>เลขที่ ถนน ตำบล อำเภอ จังหวัด</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="113"/>
        <source>&amp;Renews licence (number or code; empty if new):</source>
        <translation>&amp;ต่ออายุใบอนุญาตเลขที่ (เลขที่หรือรหัสตรวจสอบ เว้นว่างถ้าเป็นฉบับใหม่):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="114"/>
        <source>e.g. 12/2568</source>
        <translation>เช่น 12/2568</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/issue_dialog.py" line="116"/>
        <source>Issue and sign</source>
        <translation>ออกและลงนาม</translation>
    </message>
</context>
<context>
    <name>IssuedTable</name>
    <message>
        <location filename="../../ui/issuing/tables.py" line="96"/>
        <source>Paper licence, registered by hand</source>
        <translation>ใบอนุญาตฉบับกระดาษ ลงทะเบียนด้วยมือ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="101"/>
        <source>Bounced {date}: send again</source>
        <translation>ตีกลับ {date}: ส่งใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="105"/>
        <source>Not yet ({channel})</source>
        <translation>ยังไม่ส่งมอบ ({channel})</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="107"/>
        <source>Revoked</source>
        <translation>ถูกเพิกถอน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="108"/>
        <source>Superseded (renewed)</source>
        <translation>ถูกแทนที่ (ต่ออายุแล้ว)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="109"/>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="109"/>
        <source>Valid</source>
        <translation>ใช้ได้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="115"/>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="115"/>
        <source>Licensee</source>
        <translation>ผู้ได้รับใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="115"/>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="115"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="116"/>
        <source>Delivered</source>
        <translation>การส่งมอบ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="116"/>
        <source>ID number</source>
        <translation>เลขประจำตัว</translation>
    </message>
</context>
<context>
    <name>IssuingChannels</name>
    <message>
        <location filename="../../ui/issuing/channels.py" line="17"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/channels.py" line="18"/>
        <source>Counter</source>
        <translation>เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/channels.py" line="19"/>
        <source>Shared drive</source>
        <translation>ไดรฟ์ที่ใช้ร่วมกัน</translation>
    </message>
</context>
<context>
    <name>IssuingPage</name>
    <message>
        <location filename="../../ui/issuing/page.py" line="259"/>
        <source>Showing {shown} of {total} licences</source>
        <translation>แสดง {shown} จาก {total} ใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="261"/>
        <source>No licence matches this search: check the spelling or the number, or clear the filters.</source>
        <translation>ไม่พบใบอนุญาตที่ตรงกับคำค้น — ตรวจการสะกดหรือเลขที่ หรือล้างตัวกรอง</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="264"/>
        <source>No licence has been issued or registered yet.</source>
        <translation>ยังไม่มีใบอนุญาตที่ออกหรือลงทะเบียนไว้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="304"/>
        <source>Issuing and delivery</source>
        <translation>ออกใบอนุญาตและส่งมอบ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="305"/>
        <source>Approved, waiting for their licence</source>
        <translation>อนุมัติแล้ว รอออกใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="246"/>
        <source>No approved request waits for its licence. Requests appear here once the approver has signed them.</source>
        <translation>ยังไม่มีคำขอที่อนุมัติแล้วรอออกใบอนุญาต คำขอจะปรากฏที่นี่เมื่อผู้อนุมัติลงนามแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="306"/>
        <source>Licences issued</source>
        <translation>ใบอนุญาตที่ออกแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="307"/>
        <source>&amp;Issue licence…</source>
        <translation>&amp;ออกใบอนุญาต…</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="308"/>
        <source>&amp;Check a licence…</source>
        <translation>&amp;ตรวจใบอนุญาต…</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="309"/>
        <source>Data &amp;requests…</source>
        <translation>คำขอ&amp;ข้อมูล…</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="310"/>
        <source>Register a &amp;paper licence…</source>
        <translation>ลงทะเบียนใบอนุญาตฉบับกระดาษ… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="311"/>
        <source>Re&amp;voke…</source>
        <translation>เพิกถอน… (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/page.py" line="312"/>
        <source>&amp;More…</source>
        <translation>เพิ่มเติม… (&amp;M)</translation>
    </message>
</context>
<context>
    <name>IssuingSteps</name>
    <message>
        <location filename="../../ui/issuing/steps.py" line="93"/>
        <source>Licence {number} issued ({file}); verification code {code}.</source>
        <translation>ออกใบอนุญาตเลขที่ {number} แล้ว ({file}) รหัสตรวจสอบ {code}</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="98"/>
        <source>It was signed without a time-stamp: the time-stamping authority did not answer. Press “Add timestamps” once the network is back.</source>
        <translation>ลงนามโดยยังไม่มีตราประทับเวลา เนื่องจากผู้ให้บริการตราประทับเวลาไม่ตอบสนอง — กด “เพิ่มตราประทับเวลา” เมื่อเครือข่ายกลับมาใช้ได้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="116"/>
        <source>Paper licence {number} registered; a check by its number now finds it (verification code {code}).</source>
        <translation>ลงทะเบียนใบอนุญาตฉบับกระดาษเลขที่ {number} แล้ว ตรวจสอบด้วยเลขที่นี้ได้แล้ว (รหัสตรวจสอบ {code})</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="135"/>
        <source>Paper licence {number} revoked; tell the holder on paper. A check by its number now answers revoked.</source>
        <translation>เพิกถอนใบอนุญาตฉบับกระดาษเลขที่ {number} แล้ว โปรดแจ้งผู้ได้รับใบอนุญาตเป็นหนังสือ การตรวจสอบด้วยเลขที่จะแสดงว่าถูกเพิกถอน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="140"/>
        <source>Licence {number} revoked; the holder is told. A check by its number now answers revoked.</source>
        <translation>เพิกถอนใบอนุญาตเลขที่ {number} แล้ว และแจ้งผู้ได้รับใบอนุญาตแล้ว การตรวจสอบด้วยเลขที่จะแสดงว่าถูกเพิกถอน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="163"/>
        <source>Licence {number} delivered ({channel}).</source>
        <translation>ส่งมอบใบอนุญาตเลขที่ {number} แล้ว ({channel})</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/steps.py" line="168"/>
        <source>Give the applicant this password by phone or SMS; it is shown only now: {p}</source>
        <translation>แจ้งรหัสผ่านนี้แก่ผู้ยื่นทางโทรศัพท์หรือ SMS ซึ่งจะแสดงเพียงครั้งนี้เท่านั้น: {p}</translation>
    </message>
</context>
<context>
    <name>LedgerBar</name>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="62"/>
        <source>Ledger from</source>
        <translation>บัญชีรับเงิน ตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="63"/>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="64"/>
        <source>Save CSV…</source>
        <translation>บันทึก CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="65"/>
        <source>Save XLSX…</source>
        <translation>บันทึก XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="71"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>ตารางคำนวณ (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="71"/>
        <source>CSV (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/ledger_bar.py" line="73"/>
        <source>Save the ledger</source>
        <translation>บันทึกบัญชีรับเงิน</translation>
    </message>
</context>
<context>
    <name>LicenceFilterBar</name>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="171"/>
        <source>All services</source>
        <translation>ทุกบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="179"/>
        <source>Find a licence: number, licensee&apos;s name or ID number</source>
        <translation>ค้นหาใบอนุญาต: เลขที่ ชื่อผู้ได้รับอนุญาต หรือเลขประจำตัว</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="181"/>
        <source>Expiring within {days} days</source>
        <translation>จะหมดอายุภายใน {days} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="182"/>
        <source>Issued from</source>
        <translation>ออกตั้งแต่วันที่</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="182"/>
        <source>Expiring from</source>
        <translation>หมดอายุตั้งแต่วันที่</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="190"/>
        <location filename="../../ui/issuing/licence_filter.py" line="191"/>
        <source>any day</source>
        <translation>ไม่จำกัด</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="192"/>
        <source>The first day, day/month/year; empty: no limit</source>
        <translation>วันแรก วัน/เดือน/ปี พ.ศ. เว้นว่างไว้ถ้าไม่จำกัด</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="193"/>
        <source>The last day, day/month/year; empty: no limit</source>
        <translation>วันสุดท้าย วัน/เดือน/ปี พ.ศ. เว้นว่างไว้ถ้าไม่จำกัด</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="195"/>
        <source>Valid</source>
        <translation>ใช้ได้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="196"/>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="197"/>
        <source>Revoked</source>
        <translation>ถูกเพิกถอน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="198"/>
        <source>Superseded (renewed)</source>
        <translation>ถูกแทนที่ (ต่ออายุแล้ว)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="199"/>
        <source>Paper licences</source>
        <translation>ใบอนุญาตฉบับกระดาษ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/licence_filter.py" line="204"/>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="156"/>
        <source>Anuyat is locked</source>
        <translation>อนุญาตล็อกหน้าจออยู่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="161"/>
        <source>The screen locked itself because nobody used it for a while. The request you had open is kept for you; type your password to go back to it.</source>
        <translation>หน้าจอล็อกเองเพราะไม่มีการใช้งานสักพัก คำขอที่ท่านเปิดไว้ยังเป็นของท่าน พิมพ์รหัสผ่านเพื่อกลับไปทำงานต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="166"/>
        <source>The screen is locked. The request you had open is kept for you; type your password to go back to it.</source>
        <translation>หน้าจอล็อกอยู่ คำขอที่ท่านเปิดไว้ยังเป็นของท่าน พิมพ์รหัสผ่านเพื่อกลับไปทำงานต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="170"/>
        <source>&amp;Password</source>
        <translation>รหัสผ่าน (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="171"/>
        <source>Unlock</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="173"/>
        <source>Not {name}? Another officer signs this one out first.</source>
        <translation>ไม่ใช่ {name} ใช่ไหม เจ้าหน้าที่คนอื่นต้องให้ผู้นี้ออกจากระบบก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock_panel.py" line="175"/>
        <source>Sign out this officer and sign in</source>
        <translation>ให้เจ้าหน้าที่ผู้นี้ออกจากระบบ แล้วลงชื่อเข้าใช้</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="228"/>
        <source>Search: tracking no., name, ID, e-mail, words (Ctrl+F)</source>
        <translation>ค้นหา: เลขที่คำขอ ชื่อ เลขประจำตัว อีเมล หรือข้อความ (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_agency.py" line="90"/>
        <source>Demo profile: its key is kept in a file beside the data. Use it for fictional data only, never for real applications.</source>
        <translation>โปรไฟล์ตัวอย่าง: กุญแจเข้ารหัสเก็บไว้ในไฟล์ข้างข้อมูล ใช้กับข้อมูลสมมุติเท่านั้น ห้ามใช้กับคำขอจริง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="232"/>
        <location filename="../../ui/shell/window_list.py" line="90"/>
        <source>Applications</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="233"/>
        <source>Catalog and holidays</source>
        <translation>รายการบริการและวันหยุด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="235"/>
        <source>Services, fees, SLA and government holidays (Alt+K)</source>
        <translation>งานบริการ ค่าธรรมเนียม ระยะเวลาให้บริการ และวันหยุดราชการ (Alt+K)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="237"/>
        <source>Queues</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_list.py" line="84"/>
        <source>Search results for “{text}”</source>
        <translation>ผลการค้นหา “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_status.py" line="86"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_status.py" line="90"/>
        <source>Updated {time}</source>
        <translation>ปรับปรุงเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_list.py" line="103"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/window_session.py" line="75"/>
        <source>Your password was changed.</source>
        <translation>เปลี่ยนรหัสผ่านแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="151"/>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="152"/>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="153"/>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="154"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="156"/>
        <source>Read the queues again (F5)</source>
        <translation>อ่านข้อมูลคิวงานใหม่ (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="158"/>
        <source>Sign out</source>
        <translation>ออกจากระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="159"/>
        <source>Quit</source>
        <translation>ปิดโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="160"/>
        <source>Lock the screen</source>
        <translation>ล็อกหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="162"/>
        <source>Hide the screen until you type your password again (Ctrl+L)</source>
        <translation>ซ่อนหน้าจอจนกว่าจะพิมพ์รหัสผ่านอีกครั้ง (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="166"/>
        <source>Search</source>
        <translation>ค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="167"/>
        <source>Next request</source>
        <translation>คำขอถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="169"/>
        <source>Take the oldest waiting request (Ctrl+Enter, F2)</source>
        <translation>รับคำขอที่รอนานที่สุดมาตรวจ (Ctrl+Enter, F2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="173"/>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="175"/>
        <source>Today&apos;s numbers at a glance (Alt+D)</source>
        <translation>ตัวเลขของวันนี้โดยสรุป (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="177"/>
        <source>Keyboard shortcuts</source>
        <translation>ปุ่มลัด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="179"/>
        <source>Show the keys for everything frequent (F1)</source>
        <translation>แสดงปุ่มลัดของงานที่ใช้บ่อย (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="181"/>
        <source>New counter request</source>
        <translation>รับคำขอที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="183"/>
        <source>Register a request brought to the counter or phoned in (Ctrl+N)</source>
        <translation>ลงทะเบียนคำขอที่ยื่นที่เคาน์เตอร์หรือแจ้งทางโทรศัพท์ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="187"/>
        <source>Quarantine</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="189"/>
        <source>Files held back at intake (Alt+Q)</source>
        <translation>ไฟล์ที่ระบบกักไว้ตอนรับเรื่อง (Alt+Q)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="191"/>
        <source>Officers</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="193"/>
        <source>Officers&apos; accounts, roles and passwords (Alt+O)</source>
        <translation>บัญชี บทบาท และรหัสผ่านของเจ้าหน้าที่ (Alt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="197"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="199"/>
        <source>The agency, mailbox, SMTP, drive, token (Ctrl+,)</source>
        <translation>หน่วยงาน กล่องจดหมาย SMTP ไดรฟ์ โทเคน (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="204"/>
        <source>Change my password…</source>
        <translation>เปลี่ยนรหัสผ่านของฉัน…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screen_lock.py" line="73"/>
        <location filename="../../ui/shell/status_texts.py" line="16"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/shell/screen_lock.py" line="74"/>
        <source>locked</source>
        <translation>ล็อกอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="20"/>
        <source>DEMO: fictional data only</source>
        <translation>ตัวอย่าง: ข้อมูลสมมุติเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="28"/>
        <source>1 request found</source>
        <translation>พบ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="30"/>
        <source>{count} requests found</source>
        <translation>พบ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="35"/>
        <source>Nothing found. Esc goes back to the queue.</source>
        <translation>ไม่พบคำขอ กด Esc เพื่อกลับไปที่คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="39"/>
        <source>1 application in this queue</source>
        <translation>คำขอในคิวนี้ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="41"/>
        <source>{count} applications in this queue</source>
        <translation>คำขอในคิวนี้ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_texts.py" line="45"/>
        <source>{loaded} loaded, scroll for more</source>
        <translation>โหลดแล้ว {loaded} รายการ เลื่อนลงเพื่อดูเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="206"/>
        <source>Not requests</source>
        <translation>ไม่ใช่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="208"/>
        <source>Mail set aside as not requests: bounces, auto-replies, newsletters (Alt+N)</source>
        <translation>อีเมลที่คัดแยกไว้ว่าไม่ใช่คำขอ เช่น อีเมลตีกลับ ตอบกลับอัตโนมัติ จดหมายข่าว (Alt+N)</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPage</name>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="227"/>
        <source>{agency}: requests from {period} (Bangkok time)</source>
        <translation>{agency}: คำขอช่วง {period} (เวลากรุงเทพฯ)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="234"/>
        <source>Requests for a licence&apos;s data (to answer within 3 business days): {received} received, {in_time} answered in time, {late} answered late, {open} open at the end ({past_due} of them past due)</source>
        <translation>คำขอข้อมูลใบอนุญาต (ต้องส่งให้ภายใน 3 วันทำการ): รับ {received} รายการ ตอบทันกำหนด {in_time} ตอบเกินกำหนด {late} ค้าง ณ สิ้นช่วง {open} (เกินกำหนดแล้ว {past_due})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="244"/>
        <location filename="../../ui/reports/monthly_page.py" line="246"/>
        <source>Unclassified</source>
        <translation>ยังไม่จำแนก</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="252"/>
        <location filename="../../ui/reports/monthly_page.py" line="306"/>
        <source>Received</source>
        <translation>รับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="252"/>
        <source>Completed within SLA</source>
        <translation>เสร็จทันกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="252"/>
        <source>Completed past SLA</source>
        <translation>เสร็จเกินกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="266"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>ไฟล์ตารางคำนวณ (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="266"/>
        <source>PDF (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="268"/>
        <source>Save the report</source>
        <translation>บันทึกรายงาน</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="281"/>
        <source>Saved: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="300"/>
        <source>Monthly report</source>
        <translation>รายงานประจำเดือน</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="301"/>
        <source>Save as &amp;spreadsheet…</source>
        <translation>บันทึกเป็นตาราง&amp;คำนวณ…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="302"/>
        <source>Save as &amp;PDF…</source>
        <translation>บันทึกเป็น &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="305"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="307"/>
        <source>Withdrawn</source>
        <translation>ถอนคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="308"/>
        <source>Completed</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="309"/>
        <source>Within
SLA</source>
        <translation>ทัน
กำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="310"/>
        <source>Past
SLA</source>
        <translation>เกิน
กำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="311"/>
        <source>Open
at end</source>
        <translation>ค้าง ณ
สิ้นช่วง</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="312"/>
        <source>Average
business days</source>
        <translation>วันทำการ
เฉลี่ย</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="313"/>
        <source>90th percentile
business days</source>
        <translation>วันทำการ
P90</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_page.py" line="314"/>
        <source>Fees
(baht)</source>
        <translation>ค่าธรรมเนียม
(บาท)</translation>
    </message>
</context>
<context>
    <name>NewOfficerDialog</name>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="130"/>
        <source>New officer</source>
        <translation>เพิ่มเจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="132"/>
        <source>&amp;User name</source>
        <translation>ชื่อผู้ใช้ (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="133"/>
        <source>Name (&amp;Thai)</source>
        <translation>ชื่อ-นามสกุล ภาษาไทย (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="134"/>
        <source>Name (&amp;English)</source>
        <translation>ชื่อ-นามสกุล ภาษาอังกฤษ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="135"/>
        <source>&amp;Position</source>
        <translation>ตำแหน่ง (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="136"/>
        <source>&amp;E-mail</source>
        <translation>อีเมล (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="137"/>
        <source>Roles</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="142"/>
        <source>As printed under the signature on letters</source>
        <translation>ตามที่พิมพ์ใต้ลายมือชื่อในหนังสือ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="145"/>
        <source>A one-time password is made for the new officer and shown once; they choose their own at first sign-in.</source>
        <translation>ระบบจะสร้างรหัสผ่านชั่วคราวให้เจ้าหน้าที่ใหม่และแสดงเพียงครั้งเดียว เจ้าหน้าที่ต้องตั้งรหัสผ่านของตนเองเมื่อลงชื่อเข้าใช้ครั้งแรก</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="149"/>
        <source>Add officer</source>
        <translation>เพิ่มเจ้าหน้าที่</translation>
    </message>
</context>
<context>
    <name>NotRequestModel</name>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="77"/>
        <source>Received</source>
        <translation>ได้รับเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="78"/>
        <source>Sender</source>
        <translation>ผู้ส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="79"/>
        <source>Subject</source>
        <translation>เรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="80"/>
        <source>Why it is not a request</source>
        <translation>เหตุที่ไม่ใช่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="89"/>
        <source>(no subject)</source>
        <translation>(ไม่มีหัวเรื่อง)</translation>
    </message>
</context>
<context>
    <name>NotRequestsView</name>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="210"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="230"/>
        <source>Taken as request {number}; the sender is sent the acknowledgement.</source>
        <translation>รับเป็นคำขอเลขที่ {number} แล้ว ระบบส่งหนังสือตอบรับถึงผู้ส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="263"/>
        <location filename="../../ui/intake/not_requests_view.py" line="279"/>
        <source>Not requests</source>
        <translation>ไม่ใช่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="266"/>
        <source>Mail that reached the intake address but is not a request: delivery reports, automatic replies, newsletters and notices. None of it was answered. If one is a request after all, choose it and press {key}.</source>
        <translation>อีเมลที่ส่งถึงที่อยู่รับเรื่องแต่ไม่ใช่คำขอ เช่น รายงานการส่งอีเมล การตอบกลับอัตโนมัติ จดหมายข่าว และอีเมลแจ้งเตือน ระบบไม่ได้ตอบกลับอีเมลเหล่านี้ หากฉบับใดเป็นคำขอจริง ให้เลือกแล้วกด {key}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="272"/>
        <source>Mail that reached the intake address but is not a request: delivery reports, automatic replies, newsletters and notices. None of it was answered. An intake officer decides whether one is a request after all.</source>
        <translation>อีเมลที่ส่งถึงที่อยู่รับเรื่องแต่ไม่ใช่คำขอ เช่น รายงานการส่งอีเมล การตอบกลับอัตโนมัติ จดหมายข่าว และอีเมลแจ้งเตือน ระบบไม่ได้ตอบกลับอีเมลเหล่านี้ เจ้าหน้าที่รับเรื่องเป็นผู้ตัดสินว่าฉบับใดเป็นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="277"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="278"/>
        <source>No mail was set aside. Everything that arrived was a request.</source>
        <translation>ไม่มีอีเมลที่คัดแยกไว้ ทุกฉบับที่ได้รับเป็นคำขอ</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="178"/>
        <source>Internal notes</source>
        <translation>ความเห็นเจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="179"/>
        <source>Internal notes on {number}</source>
        <translation>ความเห็นเจ้าหน้าที่ คำขอ {number}</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="182"/>
        <source>For officers and the approver only. Notes are never sent to the applicant and never appear in letters or status answers.</source>
        <translation>สำหรับเจ้าหน้าที่และผู้อนุมัติเท่านั้น ความเห็นจะไม่ถูกส่งถึงผู้ยื่นคำขอ และไม่ปรากฏในหนังสือหรือคำตอบสอบถามสถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="186"/>
        <source>No notes yet.</source>
        <translation>ยังไม่มีความเห็น</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="187"/>
        <source>&amp;New note</source>
        <translation>ความเห็นใหม่ (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="188"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/notes_dialog.py" line="189"/>
        <source>Add note (Ctrl+Enter)</source>
        <translation>บันทึกความเห็น (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="103"/>
        <source>Officers</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="104"/>
        <source>&amp;Add officer…</source>
        <translation>เพิ่มเจ้าหน้าที่… (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="105"/>
        <source>&amp;Roles…</source>
        <translation>บทบาท… (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="106"/>
        <source>&amp;Deactivate…</source>
        <translation>ระงับการใช้งาน… (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="107"/>
        <source>Ac&amp;tivate</source>
        <translation>เปิดใช้งาน (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="108"/>
        <source>Reset &amp;password</source>
        <translation>ตั้งรหัสผ่านใหม่ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="109"/>
        <source>&amp;Unlock</source>
        <translation>ปลดล็อก (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="112"/>
        <source>User name</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="113"/>
        <source>Name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="114"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="115"/>
        <source>Roles</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="116"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="117"/>
        <source>Last sign-in</source>
        <translation>เข้าใช้ล่าสุด</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="124"/>
        <source>Deactivated</source>
        <translation>ระงับการใช้งาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="126"/>
        <source>Locked</source>
        <translation>ถูกล็อก</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="128"/>
        <source>Must change password</source>
        <translation>ต้องเปลี่ยนรหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officers_page.py" line="129"/>
        <source>Active</source>
        <translation>ใช้งานได้</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../ui/shell/server_watch.py" line="37"/>
        <source>The agency&apos;s server cannot be reached. You see what was last read; saving waits until the link is back (retrying by itself every few seconds). What you have typed stays on screen: nothing is lost. If it lasts, check the network cable or tell your IT administrator.</source>
        <translation>ติดต่อเครื่องแม่ข่ายของหน่วยงานไม่ได้ — ที่เห็นอยู่คือข้อมูลที่อ่านไว้ล่าสุด การบันทึกจะรอจนกว่าจะติดต่อได้อีกครั้ง (โปรแกรมลองใหม่เองทุกไม่กี่วินาที) สิ่งที่พิมพ์ไว้ยังอยู่บนหน้าจอ ไม่มีข้อมูลใดสูญหาย หากยังเป็นอยู่นาน ให้ตรวจสายแลนหรือแจ้งผู้ดูแลระบบ</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="74"/>
        <source>One-time password</source>
        <translation>รหัสผ่านชั่วคราว</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="76"/>
        <source>The one-time password of {user} (shown only now):</source>
        <translation>รหัสผ่านชั่วคราวของ {user} (แสดงครั้งนี้ครั้งเดียว):</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="78"/>
        <source>&amp;Copy</source>
        <translation>คัดลอก (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="81"/>
        <source>Give it to the officer in person. At their first sign-in they must choose their own password. It is not kept anywhere and cannot be shown again.</source>
        <translation>ส่งให้เจ้าหน้าที่โดยตรง เมื่อลงชื่อเข้าใช้ครั้งแรกต้องตั้งรหัสผ่านของตนเอง ระบบไม่เก็บรหัสนี้ไว้และแสดงซ้ำไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="85"/>
        <source>I have handed it over</source>
        <translation>ส่งให้เจ้าหน้าที่แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/admin/password_dialogs.py" line="89"/>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="101"/>
        <source>Record the head of the agency&apos;s order</source>
        <translation>บันทึกคำสั่งของหัวหน้าส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="104"/>
        <source>Destruction list {number}: type the order of the head of the agency that allows it, as it stands on the signed paper. It is recorded once, with your name, and cannot be changed afterwards.</source>
        <translation>ทะเบียนขอทำลายลำดับที่ {number}: พิมพ์คำสั่งของหัวหน้าส่วนราชการที่อนุญาตให้ทำลาย ตามที่ปรากฏในคำสั่งที่ลงนามแล้ว บันทึกได้ครั้งเดียวพร้อมชื่อของท่าน และแก้ไขภายหลังไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="109"/>
        <source>Order &amp;number:</source>
        <translation>เลขที่คำสั่ง (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="109"/>
        <source>&amp;Signed by:</source>
        <translation>ผู้ลงนาม (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="109"/>
        <source>&amp;Dated:</source>
        <translation>ลงวันที่ (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="112"/>
        <source>As on the order, e.g. 12/2570</source>
        <translation>ตามที่พิมพ์ในคำสั่ง เช่น 12/2570</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="113"/>
        <source>The head of the agency who signed it</source>
        <translation>หัวหน้าส่วนราชการผู้ลงนามในคำสั่ง</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="114"/>
        <source>Day/month/year, e.g. 5/1/2027</source>
        <translation>วัน/เดือน/ปี พ.ศ. เช่น 5/1/2570</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/retention/order_dialog.py" line="116"/>
        <source>&amp;Record the order</source>
        <translation>บันทึกคำสั่ง (&amp;R)</translation>
    </message>
</context>
<context>
    <name>OutOfOrderPanel</name>
    <message>
        <location filename="../../ui/review/out_of_order.py" line="94"/>
        <source>Older requests are waiting</source>
        <translation>มีคำขอที่ยื่นก่อนรออยู่</translation>
    </message>
    <message>
        <location filename="../../ui/review/out_of_order.py" line="95"/>
        <source>Why must this request go first?</source>
        <translation>เหตุใดต้องพิจารณาคำขอนี้ก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/review/out_of_order.py" line="97"/>
        <source>For example: the applicant is at the counter now</source>
        <translation>เช่น ผู้ยื่นรออยู่ที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/review/out_of_order.py" line="99"/>
        <source>Take the oldest instead (Ctrl+Enter)</source>
        <translation>รับคำขอที่รอนานที่สุดแทน (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/review/out_of_order.py" line="100"/>
        <source>Open with this reason</source>
        <translation>เปิดโดยระบุเหตุผลนี้</translation>
    </message>
</context>
<context>
    <name>PaperLicenceDialog</name>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="125"/>
        <source>Register a paper licence</source>
        <translation>ลงทะเบียนใบอนุญาตฉบับกระดาษ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="128"/>
        <source>A licence the agency issued on paper before this system: type what is printed on it, so a check by its number finds it. The register will say it was registered from paper, by you, today.</source>
        <translation>ใบอนุญาตที่หน่วยงานออกเป็นกระดาษก่อนใช้ระบบนี้ พิมพ์ข้อความตามที่พิมพ์อยู่บนใบอนุญาต เพื่อให้ตรวจสอบด้วยเลขที่แล้วพบ ทะเบียนจะระบุว่าลงทะเบียนจากฉบับกระดาษโดยท่านในวันนี้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="134"/>
        <source>&amp;Number:</source>
        <translation>เลขที่ (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="135"/>
        <source>&amp;Licensee:</source>
        <translation>ผู้ได้รับใบอนุญาต (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="136"/>
        <source>&amp;Subject:</source>
        <translation>เรื่อง (&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="137"/>
        <source>&amp;Issued on:</source>
        <translation>วันที่ออก (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="138"/>
        <source>&amp;Expires on:</source>
        <translation>วันหมดอายุ (&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="139"/>
        <source>&amp;Premises:</source>
        <translation>สถานที่ (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="143"/>
        <source>As printed, e.g. 15/2565</source>
        <translation>ตามที่พิมพ์ไว้ เช่น 15/2565</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="144"/>
        <source>The licensee&apos;s name, as printed</source>
        <translation>ชื่อผู้ได้รับใบอนุญาตตามที่พิมพ์ไว้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="145"/>
        <source>What the licence is for, as printed</source>
        <translation>ชนิดของใบอนุญาตตามที่พิมพ์ไว้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="146"/>
        <source>Day/month/year, e.g. 1/3/2022</source>
        <translation>วัน/เดือน/ปี พ.ศ. เช่น 1/3/2565</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="147"/>
        <source>Empty if it has no expiry</source>
        <translation>เว้นว่างถ้าไม่มีวันหมดอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="148"/>
        <source>If printed on the licence</source>
        <translation>ถ้ามีพิมพ์อยู่บนใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="149"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/paper_dialog.py" line="150"/>
        <source>&amp;Register</source>
        <translation>ลงทะเบียน (&amp;R)</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/reports/period_picker.py" line="91"/>
        <source>Other dates</source>
        <translation>ช่วงวันที่อื่น</translation>
    </message>
    <message>
        <location filename="../../ui/reports/period_picker.py" line="129"/>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <location filename="../../ui/reports/period_picker.py" line="130"/>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../ui/reports/period_picker.py" line="131"/>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="155"/>
        <source>Check before saving the holidays</source>
        <translation>ตรวจก่อนบันทึกวันหยุด</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="159"/>
        <source>(to confirm)</source>
        <translation>(รอยืนยัน)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="161"/>
        <source>Added: {day} {name}</source>
        <translation>เพิ่ม: {day} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="169"/>
        <source>Removed: {day} {name}</source>
        <translation>ลบ: {day} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="174"/>
        <source>The holidays stay as they are.</source>
        <translation>วันหยุดคงเดิม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="178"/>
        <source>{n} open request(s) get a new due date:</source>
        <translation>คำขอที่ยังไม่เสร็จ {n} รายการจะได้กำหนดเสร็จใหม่:</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="181"/>
        <source>No open request&apos;s due date moves.</source>
        <translation>ไม่มีคำขอที่ยังไม่เสร็จรายการใดเปลี่ยนกำหนดเสร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="185"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="186"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="187"/>
        <source>Due now</source>
        <translation>กำหนดเสร็จเดิม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="188"/>
        <source>New due date</source>
        <translation>กำหนดเสร็จใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="201"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/holiday_dialogs.py" line="202"/>
        <source>&amp;Save as a new calendar version</source>
        <translation>บันทึกเป็นปฏิทินฉบับใหม่ (&amp;S)</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="83"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="84"/>
        <source>Why it was held</source>
        <translation>เหตุที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="85"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="86"/>
        <source>Tracking no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="87"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="88"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="111"/>
        <source>Received {received}; held by the sync of {held}</source>
        <translation>ได้รับเมื่อ {received} · กักไว้ในรอบซิงก์เมื่อ {held}</translation>
    </message>
</context>
<context>
    <name>QuarantineView</name>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="304"/>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="343"/>
        <source>Released “{name}”: it is now a document of its request.</source>
        <translation>รับ “{name}” เป็นเอกสารของคำขอแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="345"/>
        <source>Discarded “{name}” (kept as evidence only).</source>
        <translation>ไม่รับไฟล์ “{name}” แล้ว (เก็บไว้เป็นหลักฐานเท่านั้น)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="357"/>
        <location filename="../../ui/intake/quarantine_view.py" line="366"/>
        <source>Quarantined files</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="360"/>
        <source>Files that arrived but were not added to a request, because they could not be checked or could be unsafe. Decide on each one.</source>
        <translation>ไฟล์ที่ได้รับแต่ยังไม่ได้เพิ่มเข้าคำขอ เพราะตรวจสอบไม่ได้หรืออาจไม่ปลอดภัย โปรดพิจารณาทีละไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="364"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="365"/>
        <source>No files are held. Everything that arrived was accepted.</source>
        <translation>ไม่มีไฟล์ที่กักไว้ ทุกไฟล์ที่ได้รับผ่านการตรวจแล้ว</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="355"/>
        <source>QUEUES</source>
        <translation>คิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="360"/>
        <source>All applications</source>
        <translation>คำขอทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="365"/>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="368"/>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="369"/>
        <source>Today&apos;s numbers at a glance (Alt+D)</source>
        <translation>ตัวเลขของวันนี้โดยสรุป (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="373"/>
        <source>INTAKE</source>
        <translation>งานรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="375"/>
        <source>APPROVAL</source>
        <translation>การอนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="377"/>
        <source>FINANCE</source>
        <translation>การเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="379"/>
        <source>ADMINISTRATION</source>
        <translation>ดูแลระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="381"/>
        <source>PAGES</source>
        <translation>หน้าอื่น ๆ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="385"/>
        <source>Quarantine</source>
        <translation>ไฟล์ที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="386"/>
        <source>Files held back at intake (Alt+Q)</source>
        <translation>ไฟล์ที่ระบบกักไว้ตอนรับเรื่อง (Alt+Q)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="393"/>
        <source>Officers</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="394"/>
        <source>Officers&apos; accounts, roles and passwords (Alt+O)</source>
        <translation>บัญชี บทบาท และรหัสผ่านของเจ้าหน้าที่ (Alt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="396"/>
        <source>Monthly report</source>
        <translation>รายงานประจำเดือน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="397"/>
        <source>Requests, SLA and fees per service, to send upward</source>
        <translation>คำขอ ระยะเวลา และค่าธรรมเนียมแยกตามงานบริการ สำหรับรายงานผู้บังคับบัญชา</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="399"/>
        <source>Waiting for approval</source>
        <translation>รออนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="400"/>
        <source>Reviewed requests to approve and sign, oldest first</source>
        <translation>คำขอที่ตรวจแล้ว รออนุมัติและลงนาม เรียงจากที่ยื่นก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="402"/>
        <source>Payments to verify</source>
        <translation>ตรวจสอบการชำระเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="403"/>
        <source>Slips to check first come first served, then fees due</source>
        <translation>สลิปรอตรวจตามลำดับก่อนหลัง แล้วค่าธรรมเนียมที่รอชำระ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="405"/>
        <source>Audit log</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="406"/>
        <source>Who did what, and whether the audit chain is intact</source>
        <translation>ใครทำอะไรเมื่อใด และห่วงโซ่บันทึกยังสมบูรณ์หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="408"/>
        <source>Retention and destruction</source>
        <translation>การเก็บรักษาและทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="410"/>
        <source>Periods kept, destruction lists and the head of the agency&apos;s order</source>
        <translation>ระยะเวลาเก็บรักษา ทะเบียนขอทำลาย และคำสั่งของหัวหน้าส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="413"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="414"/>
        <source>The agency, mailbox, SMTP, drive, token (Ctrl+,)</source>
        <translation>หน่วยงาน กล่องจดหมาย SMTP ไดรฟ์ โทเคน (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="416"/>
        <source>Issuing and delivery</source>
        <translation>ออกใบอนุญาตและส่งมอบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="417"/>
        <source>Licences to issue, sign and deliver to the applicant</source>
        <translation>ใบอนุญาตที่รอออก ลงนาม และส่งมอบให้ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="419"/>
        <source>Catalog and holidays</source>
        <translation>รายการบริการและวันหยุด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="420"/>
        <source>Services, fees, SLA and government holidays (Alt+K)</source>
        <translation>งานบริการ ค่าธรรมเนียม ระยะเวลาให้บริการ และวันหยุดราชการ (Alt+K)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="388"/>
        <source>Not requests</source>
        <translation>ไม่ใช่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/queue_pane.py" line="390"/>
        <source>Mail set aside as not requests: bounces, auto-replies (Alt+N)</source>
        <translation>อีเมลที่คัดแยกไว้ว่าไม่ใช่คำขอ เช่น อีเมลตีกลับ ตอบกลับอัตโนมัติ (Alt+N)</translation>
    </message>
</context>
<context>
    <name>ReceivedTimes</name>
    <message>
        <location filename="../../ui/common/formatting.py" line="184"/>
        <source>Arrived</source>
        <translation>มาถึงเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="188"/>
        <source>Deemed received (SLA start)</source>
        <translation>ถือว่ารับเมื่อ (เริ่มนับเวลา)</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="192"/>
        <source>When the request arrived. The time limit counts from its deemed-received time: the next working hour when it came outside office hours or on a holiday.</source>
        <translation>เวลาที่คำขอมาถึง ระยะเวลาดำเนินการนับจากเวลาที่ถือว่ารับคำขอ คือชั่วโมงทำการถัดไปเมื่อคำขอมาถึงนอกเวลาราชการหรือในวันหยุด</translation>
    </message>
</context>
<context>
    <name>RefundsOwed</name>
    <message>
        <location filename="../../ui/fees/refunds.py" line="92"/>
        <source>Payers who paid more than the fee: the receipt was for the fee and the rest is owed back to them. Once the money has gone back, record how and when.</source>
        <translation>ผู้ชำระที่ชำระเกินค่าธรรมเนียม: ใบเสร็จออกเท่าค่าธรรมเนียม ส่วนที่เกินต้องคืนให้ผู้ชำระ เมื่อคืนเงินแล้ว โปรดบันทึกวิธีและวันที่คืน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="97"/>
        <source>Tracking number</source>
        <translation>เลขที่รับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="97"/>
        <source>Payer</source>
        <translation>ผู้ชำระ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="97"/>
        <source>To refund (baht)</source>
        <translation>ต้องคืน (บาท)</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="98"/>
        <source>Owed since</source>
        <translation>ค้างคืนตั้งแต่</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="98"/>
        <source>Receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="100"/>
        <source>Paid back by</source>
        <translation>คืนเงินโดย</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="101"/>
        <source>Bank transfer</source>
        <translation>โอนเงินเข้าบัญชี</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="102"/>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="103"/>
        <source>Transfer reference or voucher number</source>
        <translation>เลขอ้างอิงการโอน หรือเลขที่ใบสำคัญจ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="104"/>
        <source>as on the bank&apos;s record or the voucher</source>
        <translation>ตามหลักฐานการโอนของธนาคาร หรือใบสำคัญจ่าย</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="105"/>
        <source>Paid back on</source>
        <translation>วันที่คืนเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="106"/>
        <source>Record the refund as paid</source>
        <translation>บันทึกว่าคืนเงินแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="151"/>
        <source>No refund is owed.</source>
        <translation>ไม่มีเงินที่ต้องคืน</translation>
    </message>
    <message>
        <location filename="../../ui/fees/refunds.py" line="154"/>
        <source>%1 baht to %2 (request %3)</source>
        <translation>คืน %1 บาท ให้ %2 (คำขอ %3)</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="241"/>
        <location filename="../../ui/common/request_dialogs.py" line="249"/>
        <source>Refuse request</source>
        <translation>ไม่อนุมัติคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="244"/>
        <source>Refuse request {number}? The applicant is sent these reasons with the right to appeal.</source>
        <translation>ไม่อนุมัติคำขอ {number} ใช่หรือไม่ ผู้ยื่นจะได้รับแจ้งเหตุผลนี้พร้อมสิทธิอุทธรณ์</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="248"/>
        <source>&amp;Reasons for refusing (the applicant reads them)</source>
        <translation>&amp;เหตุผลที่ไม่อนุมัติ (ผู้ยื่นจะได้อ่าน)</translation>
    </message>
</context>
<context>
    <name>RejectComposer</name>
    <message>
        <location filename="../../ui/review/composer.py" line="507"/>
        <location filename="../../ui/review/composer.py" line="515"/>
        <source>Reject the application</source>
        <translation>ไม่รับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="510"/>
        <source>The applicant is told these reasons. Rejecting closes the application; it cannot be undone here.</source>
        <translation>ผู้ยื่นจะได้รับแจ้งเหตุผลเหล่านี้ การไม่รับคำขอจะปิดเรื่องทันที และย้อนกลับจากหน้านี้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="514"/>
        <source>Reasons (required)</source>
        <translation>เหตุผล (ต้องระบุ)</translation>
    </message>
</context>
<context>
    <name>RequestDocumentsComposer</name>
    <message>
        <location filename="../../ui/review/composer.py" line="422"/>
        <source>What the applicant will receive</source>
        <translation>ข้อความที่ผู้ยื่นจะได้รับ</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="408"/>
        <source>Ask for more documents</source>
        <translation>ขอเอกสารเพิ่มเติม</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="411"/>
        <source>Tick what is missing or wrong. The applicant receives an e-mail, and the clock stops until they answer.</source>
        <translation>เลือกเอกสารที่ขาดหรือไม่ถูกต้อง ผู้ยื่นจะได้รับอีเมล และหยุดนับเวลาจนกว่าผู้ยื่นจะส่งกลับมา</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="415"/>
        <source>Documents to ask for</source>
        <translation>เอกสารที่ขอเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="416"/>
        <source>Message to the applicant (optional)</source>
        <translation>ข้อความถึงผู้ยื่น (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="418"/>
        <source>For example: please send a clearer photo of page 2.</source>
        <translation>เช่น โปรดส่งภาพหน้า 2 ที่ชัดกว่านี้</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="420"/>
        <source>Answer by</source>
        <translation>ส่งกลับภายใน</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="421"/>
        <source>Preview</source>
        <translation>ดูตัวอย่าง</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="423"/>
        <source>Back to the form</source>
        <translation>กลับไปแก้ไข</translation>
    </message>
    <message>
        <location filename="../../ui/review/composer.py" line="424"/>
        <source>Send the request</source>
        <translation>ส่งคำขอเอกสาร</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="234"/>
        <source>Reset password</source>
        <translation>ตั้งรหัสผ่านใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="237"/>
        <source>Give {name} ({user}) a new one-time password? Their present password stops working at once (a lockout is lifted too); they choose their own at the next sign-in.</source>
        <translation>ตั้งรหัสผ่านชั่วคราวใหม่ให้ {name} ({user}) หรือไม่ รหัสผ่านเดิมจะใช้ไม่ได้ทันที (และปลดล็อกบัญชีด้วย) เจ้าหน้าที่ต้องตั้งรหัสผ่านของตนเองเมื่อลงชื่อเข้าใช้ครั้งถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="242"/>
        <source>Make a one-time password</source>
        <translation>สร้างรหัสผ่านชั่วคราว</translation>
    </message>
</context>
<context>
    <name>RetentionEmpty</name>
    <message>
        <location filename="../../ui/retention/empty.py" line="38"/>
        <source>No destruction list yet. A list names the closed requests past their retention period, for the head of the agency to order destroyed. Press “{button}” to draw one up.</source>
        <translation>ยังไม่มีทะเบียนขอทำลาย ทะเบียนนี้ระบุคำขอที่ปิดแล้วและพ้นระยะเวลาเก็บรักษา เพื่อให้หัวหน้าส่วนราชการสั่งทำลาย กดปุ่ม “{button}” เพื่อเริ่มจัดทำ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/empty.py" line="45"/>
        <source>No destruction list yet. A list names the closed requests past their retention period; none is past it now, so there is nothing to list.</source>
        <translation>ยังไม่มีทะเบียนขอทำลาย ทะเบียนนี้ระบุคำขอที่ปิดแล้วและพ้นระยะเวลาเก็บรักษา ขณะนี้ไม่มีคำขอที่พ้นระยะเวลาเก็บรักษา จึงยังไม่มีสิ่งที่ต้องจัดทำ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/empty.py" line="52"/>
        <source>Choose a destruction list to see the requests it names.</source>
        <translation>เลือกทะเบียนขอทำลายเพื่อดูคำขอที่อยู่ในทะเบียนนั้น</translation>
    </message>
    <message>
        <location filename="../../ui/retention/empty.py" line="57"/>
        <source>The requests a destruction list names show here, with why any was skipped, once a list is drawn up.</source>
        <translation>คำขอที่อยู่ในทะเบียนขอทำลายจะแสดงที่นี่ พร้อมเหตุผลหากคำขอใดถูกข้าม เมื่อจัดทำทะเบียนแล้ว</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../ui/retention/page.py" line="212"/>
        <source>Destruction list {number} drawn up. Save it as PDF and CSV for the head of the agency&apos;s order; nothing is destroyed before the order is recorded.</source>
        <translation>จัดทำทะเบียนขอทำลายลำดับที่ {number} แล้ว บันทึกเป็น PDF และ CSV เพื่อเสนอหัวหน้าส่วนราชการสั่งการ ยังไม่มีสิ่งใดถูกทำลายจนกว่าจะบันทึกคำสั่ง</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="227"/>
        <source>Save the destruction list</source>
        <translation>บันทึกทะเบียนขอทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="227"/>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="249"/>
        <source>Destruction list {number} saved: {pdf} and {csv}</source>
        <translation>บันทึกทะเบียนขอทำลายลำดับที่ {number} แล้ว: {pdf} และ {csv}</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="274"/>
        <source>The order is recorded on destruction list {number}.</source>
        <translation>บันทึกคำสั่งในทะเบียนขอทำลายลำดับที่ {number} แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="314"/>
        <source>Destroyed {destroyed} requests from destruction list {number}.</source>
        <translation>ทำลายแล้ว {destroyed} คำขอ จากทะเบียนขอทำลายลำดับที่ {number}</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="317"/>
        <source>Skipped {kept}: worked on again since they were listed, or destroyed already; the list below says which.</source>
        <translation>ข้าม {kept} คำขอ: มีการดำเนินการต่อหลังเข้าทะเบียน หรือถูกทำลายไปแล้ว ดูรายการด้านล่าง</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="347"/>
        <source>Nothing to list: no closed request is past its retention period, or all of them are on a list already.</source>
        <translation>ไม่มีคำขอให้เข้าทะเบียน: ไม่มีคำขอที่พ้นระยะเวลาเก็บรักษา หรือคำขอที่พ้นแล้วอยู่ในทะเบียนขอทำลายครบแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="365"/>
        <source>Closed requests are kept for ever unless the agency sets a period (Settings, Retention). Agency-wide period: {default}. Nothing is destroyed before the head of the agency&apos;s order is recorded on a destruction list.</source>
        <translation>คำขอที่ปิดเรื่องแล้วเก็บไว้ตลอดไป เว้นแต่หน่วยงานกำหนดระยะเวลา (หน้าตั้งค่า หัวข้อการเก็บรักษา) ระยะเวลาทั่วทั้งหน่วยงาน: {default} ไม่มีสิ่งใดถูกทำลายก่อนบันทึกคำสั่งของหัวหน้าส่วนราชการในทะเบียนขอทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="372"/>
        <source>{count} closed requests are past their period and on no list.</source>
        <translation>พ้นระยะเวลาเก็บรักษาแล้วและยังไม่อยู่ในทะเบียนใด: {count} คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="379"/>
        <source>Requests on the chosen list</source>
        <translation>คำขอในทะเบียนที่เลือก</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="382"/>
        <source>Requests on destruction list {number} ({count})</source>
        <translation>คำขอในทะเบียนขอทำลายลำดับที่ {number} ({count} คำขอ)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="388"/>
        <source>Retention and destruction</source>
        <translation>การเก็บรักษาและทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="389"/>
        <source>Periods in force</source>
        <translation>ระยะเวลาเก็บรักษาที่ใช้อยู่</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="390"/>
        <source>Destruction lists</source>
        <translation>ทะเบียนขอทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="391"/>
        <source>Draw &amp;up a destruction list</source>
        <translation>จัดทำทะเบียนขอทำลาย (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="392"/>
        <source>&amp;Save PDF and CSV…</source>
        <translation>บันทึก PDF และ CSV… (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="393"/>
        <source>Record the &amp;order…</source>
        <translation>บันทึกคำสั่ง… (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/page.py" line="394"/>
        <source>&amp;Destroy…</source>
        <translation>ทำลาย… (&amp;D)</translation>
    </message>
</context>
<context>
    <name>RetentionTables</name>
    <message>
        <location filename="../../ui/retention/tables.py" line="69"/>
        <source>for ever</source>
        <translation>ตลอดไป</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="71"/>
        <source>1 year</source>
        <translation>1 ปี</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="72"/>
        <source>{years} years</source>
        <translation>{years} ปี</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="77"/>
        <source>Drafted: waiting for the head&apos;s order</source>
        <translation>ร่างแล้ว รอคำสั่งของหัวหน้าส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="80"/>
        <source>Ordered: ready to destroy</source>
        <translation>มีคำสั่งแล้ว รอทำลาย</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="83"/>
        <source>Destroyed</source>
        <translation>ทำลายแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="89"/>
        <source>Destroyed {day}</source>
        <translation>ทำลายแล้ว {day}</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="93"/>
        <source>Skipped: worked on again since it was listed</source>
        <translation>ข้าม: มีการดำเนินการต่อหลังเข้าทะเบียน</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="97"/>
        <source>Skipped: destroyed already by another list</source>
        <translation>ข้าม: ถูกทำลายแล้วตามทะเบียนอื่น</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="100"/>
        <source>Listed</source>
        <translation>อยู่ในทะเบียน</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="120"/>
        <source>Requests closed without a service</source>
        <translation>คำขอที่ปิดเรื่องโดยไม่ระบุบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="132"/>
        <source>{order}, {signer}, {day}</source>
        <translation>ที่ {order} โดย {signer} ลงวันที่ {day}</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="139"/>
        <source>{count} ({kept} skipped)</source>
        <translation>{count} (ข้าม {kept})</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="33"/>
        <location filename="../../ui/retention/tables.py" line="47"/>
        <source>Service</source>
        <translation>บริการ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="34"/>
        <location filename="../../ui/retention/tables.py" line="51"/>
        <source>Kept</source>
        <translation>เก็บไว้</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="35"/>
        <source>Past it</source>
        <translation>พ้นระยะ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="38"/>
        <location filename="../../ui/retention/tables.py" line="45"/>
        <source>No.</source>
        <translation>ลำดับที่</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="39"/>
        <source>Drawn up</source>
        <translation>จัดทำเมื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="40"/>
        <source>Requests</source>
        <translation>จำนวนคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="41"/>
        <location filename="../../ui/retention/tables.py" line="52"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="42"/>
        <source>Head&apos;s order</source>
        <translation>คำสั่งหัวหน้าส่วนราชการ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="46"/>
        <source>Tracking number</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="48"/>
        <source>Applicant ID (masked)</source>
        <translation>เลขประจำตัวผู้ยื่น (ปิดบัง)</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="49"/>
        <source>Received</source>
        <translation>ลงวันที่</translation>
    </message>
    <message>
        <location filename="../../ui/retention/tables.py" line="50"/>
        <source>Closed</source>
        <translation>ปิดเรื่อง</translation>
    </message>
</context>
<context>
    <name>ReturnToReviewDialog</name>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="219"/>
        <source>Send back to the reviewer</source>
        <translation>ส่งกลับให้ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="221"/>
        <source>Send request {number} back to the reviewer?</source>
        <translation>ส่งคำขอเลขที่ {number} กลับให้ผู้ตรวจสอบหรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="226"/>
        <source>&amp;What should the reviewer look at again? (the reviewer sees this note)</source>
        <translation>ให้ผู้ตรวจสอบดูเรื่องใดอีกครั้ง (ผู้ตรวจสอบจะเห็นบันทึกนี้) (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="228"/>
        <source>Send back</source>
        <translation>ส่งกลับ</translation>
    </message>
</context>
<context>
    <name>ReviewActionBar</name>
    <message>
        <location filename="../../ui/review/actions.py" line="251"/>
        <source>1 item still open</source>
        <translation>ยังเหลือ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="253"/>
        <source>{count} items still open</source>
        <translation>ยังเหลือ {count} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="256"/>
        <source>All items checked</source>
        <translation>ตรวจครบทุกรายการแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="235"/>
        <source>Withdraw copy…</source>
        <translation>ถอนสำเนา…</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="237"/>
        <source>Withdraw the certified copy on screen, made by mistake (Ctrl+Shift+C)</source>
        <translation>ถอนสำเนาถูกต้องที่เปิดอยู่ซึ่งทำผิดพลาด (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="240"/>
        <source>Certify copy…</source>
        <translation>รับรองสำเนา…</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="242"/>
        <source>Make a certified true copy of the document on screen (Ctrl+Shift+C)</source>
        <translation>ทำสำเนาที่รับรองว่าถูกต้องของเอกสารที่เปิดอยู่ (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="260"/>
        <source>Ask for documents</source>
        <translation>ขอเอกสารเพิ่ม</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="261"/>
        <source>Ask the applicant for more documents (Ctrl+D)</source>
        <translation>ขอเอกสารเพิ่มเติมจากผู้ยื่น (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="262"/>
        <source>Reject</source>
        <translation>ไม่รับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="263"/>
        <source>Reject the application, with reasons</source>
        <translation>ไม่รับคำขอ พร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="264"/>
        <source>Mark reviewed</source>
        <translation>ตรวจเสร็จ ส่งต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="266"/>
        <source>Review done: pass it on for approval (or payment) (Ctrl+M)</source>
        <translation>ตรวจเสร็จแล้ว ส่งต่อเพื่ออนุมัติ (หรือชำระค่าธรรมเนียม) (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="268"/>
        <source>Put back in the queue</source>
        <translation>คืนเข้าคิว</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="270"/>
        <source>Release your claim so another officer can take it (Ctrl+Shift+L)</source>
        <translation>ปล่อยคำขอคืนคิวให้เจ้าหน้าที่คนอื่นรับไปได้ (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="272"/>
        <source>Reassign to…</source>
        <translation>มอบหมายให้…</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="273"/>
        <source>Send back to the reviewer…</source>
        <translation>ส่งกลับให้ผู้ตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="275"/>
        <source>A problem to fix: send it back to the reviewer with a note</source>
        <translation>พบปัญหาที่ต้องแก้ไข: ส่งกลับให้ผู้ตรวจสอบพร้อมบันทึก</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/review/screen.py" line="258"/>
        <source>This request is still the oldest in your hands. Finish it, ask for documents, or put it back in the queue.</source>
        <translation>คำขอนี้ยังเป็นคำขอที่เก่าที่สุดที่คุณรับไว้ โปรดตรวจให้เสร็จ ขอเอกสารเพิ่ม หรือคืนเข้าคิว</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="445"/>
        <source>Certified copy made: {name}</source>
        <translation>รับรองสำเนาแล้ว: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="483"/>
        <source>Review done. The request is now “{status}”.</source>
        <translation>ตรวจเสร็จแล้ว คำขออยู่ในสถานะ “{status}”</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen_messages.py" line="100"/>
        <source>Show what is open</source>
        <translation>ดูรายการที่ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="506"/>
        <source>The request for documents is on its way. The application waits for the applicant; the clock is stopped.</source>
        <translation>ส่งคำขอเอกสารเพิ่มแล้ว คำขอรอเอกสารจากผู้ยื่น และหยุดนับเวลาไว้</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="526"/>
        <source>Sent back to the reviewer, with your note.</source>
        <translation>ส่งกลับให้ผู้ตรวจสอบพร้อมบันทึกของคุณแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="532"/>
        <source>The application was rejected.</source>
        <translation>บันทึกไม่รับคำขอแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen.py" line="220"/>
        <source>Reassigned.</source>
        <translation>มอบหมายงานแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/review/screen_messages.py" line="78"/>
        <source>Next request (Ctrl+Enter)</source>
        <translation>คำขอถัดไป (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="37"/>
        <source>Documents {done}/{total}</source>
        <translation>เอกสาร {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="46"/>
        <source>Identity {done}/{total}</source>
        <translation>ตัวตน {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="28"/>
        <source>Application</source>
        <translation>ข้อมูลคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="29"/>
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="20"/>
        <source>Required documents (Ctrl+1)</source>
        <translation>เอกสารที่ต้องมี (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="22"/>
        <source>Identity and power of attorney (Ctrl+2)</source>
        <translation>การพิสูจน์ตัวตนและหนังสือมอบอำนาจ (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="24"/>
        <source>Applicant and form (Ctrl+3)</source>
        <translation>ผู้ยื่นและแบบคำขอ (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="26"/>
        <source>What happened so far (Ctrl+4)</source>
        <translation>สิ่งที่ดำเนินการไปแล้ว (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="31"/>
        <source>Documents</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/review/tab_titles.py" line="32"/>
        <source>Identity</source>
        <translation>ตัวตน</translation>
    </message>
</context>
<context>
    <name>ReviewTopBar</name>
    <message>
        <location filename="../../ui/review/actions.py" line="89"/>
        <source>Opening…</source>
        <translation>กำลังเปิด…</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="94"/>
        <source>List</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="95"/>
        <source>Back to the list (Esc)</source>
        <translation>กลับไปที่รายการ (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="96"/>
        <source>Next</source>
        <translation>ถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="97"/>
        <source>Take the oldest waiting request (Ctrl+Enter, F2)</source>
        <translation>รับคำขอที่รอนานที่สุดมาตรวจ (Ctrl+Enter, F2)</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="104"/>
        <source>No service yet</source>
        <translation>ยังไม่จำแนกงานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="119"/>
        <source>You hold this request</source>
        <translation>คุณรับผิดชอบคำขอนี้</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="122"/>
        <source>Held by {name}: read only</source>
        <translation>{name} รับผิดชอบอยู่ ดูได้อย่างเดียว</translation>
    </message>
    <message>
        <location filename="../../ui/review/actions.py" line="125"/>
        <source>Not in your hands: read only</source>
        <translation>ไม่ได้อยู่ในความรับผิดชอบของคุณ ดูได้อย่างเดียว</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="91"/>
        <source>Revoke a licence</source>
        <translation>เพิกถอนใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="93"/>
        <source>Revoke licence {number}? This cannot be undone.</source>
        <translation>เพิกถอนใบอนุญาตเลขที่ {number} หรือไม่ การเพิกถอนยกเลิกภายหลังไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="97"/>
        <source>A paper licence: no letter is sent; tell the holder on paper. The public register and a check by its number will show it revoked, with the reason.</source>
        <translation>ใบอนุญาตฉบับกระดาษ: ระบบไม่ส่งจดหมาย โปรดแจ้งผู้ได้รับใบอนุญาตเป็นหนังสือ ทะเบียนสาธารณะและการตรวจสอบด้วยเลขที่จะแสดงว่าถูกเพิกถอน พร้อมเหตุผล</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="102"/>
        <source>The holder is sent the reason with the right to appeal; the public register and a check by its number will show it revoked.</source>
        <translation>ระบบจะแจ้งเหตุผลพร้อมสิทธิอุทธรณ์แก่ผู้ได้รับใบอนุญาต ทะเบียนสาธารณะและการตรวจสอบด้วยเลขที่จะแสดงว่าถูกเพิกถอน</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="108"/>
        <source>&amp;Reason for revoking (the holder and the public read it)</source>
        <translation>เหตุผลการเพิกถอน (ผู้ได้รับใบอนุญาตและประชาชนอ่านได้) (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="110"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/revoke_dialog.py" line="111"/>
        <source>Re&amp;voke</source>
        <translation>เพิกถอน (&amp;V)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/common/formatting.py" line="210"/>
        <source>Intake</source>
        <translation>เจ้าหน้าที่รับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="211"/>
        <source>Reviewer</source>
        <translation>ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="212"/>
        <source>Finance</source>
        <translation>การเงิน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="213"/>
        <source>Approver</source>
        <translation>ผู้อนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="214"/>
        <source>Supervisor</source>
        <translation>หัวหน้างาน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="215"/>
        <source>Administrator</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="179"/>
        <source>Roles</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="181"/>
        <source>&amp;Section (requests can be routed to it; may be empty)</source>
        <translation>ฝ่าย (ส่งคำขอให้ฝ่ายนี้ได้ เว้นว่างได้) (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="183"/>
        <source>Roles of {name} ({user}):</source>
        <translation>บทบาทของ {name} ({user}):</translation>
    </message>
    <message>
        <location filename="../../ui/admin/officer_dialogs.py" line="184"/>
        <source>Save roles</source>
        <translation>บันทึกบทบาท</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="299"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="306"/>
        <source>TLS (encrypted from the start)</source>
        <translation>TLS (เข้ารหัสตั้งแต่เริ่ม)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="307"/>
        <source>STARTTLS (encrypted after greeting)</source>
        <translation>STARTTLS (เข้ารหัสหลังทักทาย)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="308"/>
        <source>Plain (this computer only)</source>
        <translation>ไม่เข้ารหัส (เฉพาะเครื่องนี้)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="313"/>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="316"/>
        <source>Comma between folders, e.g. INBOX, Requests</source>
        <translation>คั่นโฟลเดอร์ด้วยจุลภาค เช่น INBOX, Requests</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="335"/>
        <source>Empty: no shared drive is watched</source>
        <translation>เว้นว่าง: ไม่ติดตามไดรฟ์ที่ใช้ร่วมกัน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="336"/>
        <source>Empty: taken files stay where they are</source>
        <translation>เว้นว่าง: ไฟล์ที่รับแล้วอยู่ที่เดิม</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="337"/>
        <source>Another disk or a server share</source>
        <translation>ดิสก์อีกลูก หรือโฟลเดอร์ที่ใช้ร่วมกันบนเซิร์ฟเวอร์</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="338"/>
        <source>Empty: mail is read from the local Maildir</source>
        <translation>เว้นว่าง: อ่านอีเมลจาก Maildir ในเครื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="339"/>
        <source>Empty: outgoing mail stays in the local &apos;sent&apos; folder</source>
        <translation>เว้นว่าง: อีเมลขาออกเก็บไว้ในโฟลเดอร์ sent ในเครื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="340"/>
        <location filename="../../ui/admin/settings_forms.py" line="341"/>
        <source>Empty: the authorities this computer trusts</source>
        <translation>เว้นว่าง: ใช้ผู้ออกใบรับรองที่เครื่องนี้เชื่อถือ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="343"/>
        <source>https://…, e.g. https://www.yourtown.go.th/licences (empty: https://&lt;the official address&apos;s domain&gt;/verify)</source>
        <translation>https://… เช่น https://www.yourtown.go.th/licences (ว่าง: https://&lt;โดเมนของอีเมลทางการ&gt;/verify)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="352"/>
        <source>✓ Saved in the keyring. Type to replace it.</source>
        <translation>✓ บันทึกไว้ในที่เก็บกุญแจ (keyring) แล้ว พิมพ์ใหม่เพื่อเปลี่ยน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="354"/>
        <source>Saved in the keyring</source>
        <translation>บันทึกไว้ในที่เก็บกุญแจแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="356"/>
        <source>Not saved yet: type it, then save.</source>
        <translation>ยังไม่ได้บันทึก: พิมพ์รหัสผ่านแล้วกดบันทึก</translation>
    </message>
</context>
<context>
    <name>ServiceFormDialog</name>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="152"/>
        <source>Edit service</source>
        <translation>แก้ไขงานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="154"/>
        <source>Edit service {code}: {name}</source>
        <translation>แก้ไขงานบริการ {code}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="157"/>
        <source>Name (&amp;Thai)</source>
        <translation>ชื่อภาษาไทย (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="158"/>
        <source>Name (&amp;English)</source>
        <translation>ชื่อภาษาอังกฤษ (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="159"/>
        <source>&amp;Fee (baht)</source>
        <translation>ค่าธรรมเนียม (บาท) (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="160"/>
        <source>Fee &amp;paid</source>
        <translation>ชำระค่าธรรมเนียม (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="161"/>
        <source>&amp;Service level (business days)</source>
        <translation>ระยะเวลาให้บริการ (วันทำการ) (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="162"/>
        <source>&amp;Risk level</source>
        <translation>ระดับความเสี่ยง (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="163"/>
        <source>&amp;Identity level (IAL)</source>
        <translation>ระดับการพิสูจน์ตัวตน (IAL) (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="164"/>
        <source>&amp;Valid for (days, 0 = no expiry)</source>
        <translation>อายุใบอนุญาต (วัน, 0 = ไม่มีวันหมดอายุ) (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="165"/>
        <source>&amp;Lawful basis (PDPA)</source>
        <translation>ฐานทางกฎหมาย (PDPA) (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="166"/>
        <source>Purpose (Thai)</source>
        <translation>วัตถุประสงค์ (ภาษาไทย)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="167"/>
        <source>Purpose (English)</source>
        <translation>วัตถุประสงค์ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="172"/>
        <source>No fee</source>
        <translation>ไม่มีค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="173"/>
        <source>When the request is registered</source>
        <translation>เมื่อยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="174"/>
        <source>Before approval</source>
        <translation>ก่อนอนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="175"/>
        <source>Before the licence is issued</source>
        <translation>ก่อนออกใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="180"/>
        <source>Standard (signature type 1)</source>
        <translation>ปกติ (ลายมือชื่อแบบที่ 1)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="181"/>
        <source>Advanced (signature type 2)</source>
        <translation>สูง (ลายมือชื่อแบบที่ 2)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="182"/>
        <source>Sensitive (signature type 3)</source>
        <translation>สูงมาก (ลายมือชื่อแบบที่ 3)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="189"/>
        <source>Nothing was saved. Correct these and save again:</source>
        <translation>ยังไม่ได้บันทึกอะไร ให้แก้ไขรายการต่อไปนี้แล้วบันทึกอีกครั้ง:</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="190"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_form.py" line="191"/>
        <source>&amp;Save as a new catalog version</source>
        <translation>บันทึกเป็นรายการบริการฉบับใหม่ (&amp;S)</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="21"/>
        <source>Free</source>
        <translation>ไม่มีค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="22"/>
        <source>{amount} baht</source>
        <translation>{amount} บาท</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="26"/>
        <source>paid when the request is registered</source>
        <translation>ชำระเมื่อยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="27"/>
        <source>paid before approval</source>
        <translation>ชำระก่อนอนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="28"/>
        <source>paid before the licence is issued</source>
        <translation>ชำระก่อนออกใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="35"/>
        <source>Standard (signature type 1)</source>
        <translation>ปกติ (ลายมือชื่อแบบที่ 1)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="36"/>
        <source>Advanced (signature type 2)</source>
        <translation>สูง (ลายมือชื่อแบบที่ 2)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="37"/>
        <source>Sensitive (signature type 3)</source>
        <translation>สูงมาก (ลายมือชื่อแบบที่ 3)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="41"/>
        <source>{n} business days</source>
        <translation>{n} วันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="51"/>
        <source>{n} days</source>
        <translation>{n} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="53"/>
        <source>no expiry</source>
        <translation>ไม่มีวันหมดอายุ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="56"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="57"/>
        <source>Name (Thai)</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="58"/>
        <source>Name (English)</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="59"/>
        <source>Fee</source>
        <translation>ค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="60"/>
        <source>Service level</source>
        <translation>ระยะเวลาให้บริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="61"/>
        <source>Risk level</source>
        <translation>ระดับความเสี่ยง</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="62"/>
        <source>Identity level</source>
        <translation>ระดับการพิสูจน์ตัวตน</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="63"/>
        <source>Lawful basis</source>
        <translation>ฐานทางกฎหมาย</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="64"/>
        <source>Purpose</source>
        <translation>วัตถุประสงค์</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="66"/>
        <source>Licence template</source>
        <translation>แบบใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="67"/>
        <source>none (reply letter)</source>
        <translation>ไม่มี (ตอบเป็นหนังสือ)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="69"/>
        <source>Valid for</source>
        <translation>อายุ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="70"/>
        <source>Approved by</source>
        <translation>ผู้อนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="71"/>
        <source>Mail address</source>
        <translation>ที่อยู่อีเมลเฉพาะ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="79"/>
        <source>Documents</source>
        <translation>เอกสารที่ต้องยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="84"/>
        <source>if it applies</source>
        <translation>ถ้ามี</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="86"/>
        <source>proxy only</source>
        <translation>เฉพาะผู้รับมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="88"/>
        <source>persons only</source>
        <translation>เฉพาะบุคคลธรรมดา</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="90"/>
        <source>juristic persons only</source>
        <translation>เฉพาะนิติบุคคล</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/service_text.py" line="97"/>
        <source>Application form</source>
        <translation>แบบคำขอ</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="144"/>
        <source>&amp;Edit service…</source>
        <translation>แก้ไขงานบริการ… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="145"/>
        <source>&amp;Import catalog file…</source>
        <translation>นำเข้าไฟล์รายการบริการ… (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="146"/>
        <source>E&amp;xport catalog file…</source>
        <translation>ส่งออกไฟล์รายการบริการ… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="147"/>
        <source>Catalog versions</source>
        <translation>ฉบับของรายการบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="149"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="149"/>
        <source>Fee</source>
        <translation>ค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="149"/>
        <source>Service level</source>
        <translation>ระยะเวลาให้บริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="149"/>
        <source>Service</source>
        <translation>งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="181"/>
        <source>Catalog version {n}, saved {when} by {who}. {count} services.</source>
        <translation>รายการบริการฉบับที่ {n} บันทึกเมื่อ {when} โดย {who} มี {count} งานบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="184"/>
        <source>the system</source>
        <translation>ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="309"/>
        <source>Import catalog file</source>
        <translation>นำเข้าไฟล์รายการบริการ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/services_tab.py" line="315"/>
        <source>Export catalog file</source>
        <translation>ส่งออกไฟล์รายการบริการ</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="227"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="229"/>
        <source>Agency</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="230"/>
        <source>Fee account</source>
        <translation>บัญชีรับชำระค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="231"/>
        <source>Mailbox (IMAP)</source>
        <translation>กล่องจดหมาย (IMAP)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="232"/>
        <source>Sending mail (SMTP)</source>
        <translation>การส่งอีเมล (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="233"/>
        <source>Shared drive</source>
        <translation>ไดรฟ์ที่ใช้ร่วมกัน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="234"/>
        <source>Signing module</source>
        <translation>โมดูลลงลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="235"/>
        <source>Backup</source>
        <translation>การสำรองข้อมูล</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="236"/>
        <source>Licence register</source>
        <translation>ทะเบียนใบอนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="237"/>
        <source>Retention</source>
        <translation>ระยะเวลาเก็บรักษา</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="238"/>
        <source>Screen lock</source>
        <translation>ล็อกหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="247"/>
        <source>&amp;Save</source>
        <translation>บันทึก (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="249"/>
        <source>&amp;Test connection</source>
        <translation>ทดสอบการเชื่อมต่อ (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="266"/>
        <source>The agency&apos;s names, code and number appear on letters and licences. Requests are received on the official e-mail address and replies are sent from it.</source>
        <translation>ชื่อ รหัส และเลขที่หนังสือของหน่วยงานปรากฏในหนังสือและใบอนุญาต คำขอรับทางอีเมลราชการนี้ และการตอบกลับส่งจากอีเมลนี้</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="271"/>
        <source>Where applicants pay: printed on every payment notice with its PromptPay QR. A PromptPay or biller ID is checked by building a QR with it when saved.</source>
        <translation>ช่องทางที่ผู้ยื่นชำระเงิน พิมพ์ในหนังสือแจ้งชำระทุกฉบับพร้อมคิวอาร์พร้อมเพย์ รหัสพร้อมเพย์หรือรหัสผู้รับชำระบิลจะได้รับการตรวจโดยสร้างคิวอาร์ทดลองเมื่อบันทึก</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="276"/>
        <source>The official mailbox requests arrive in. The password is kept in this computer&apos;s keyring, never in a file or the log.</source>
        <translation>กล่องจดหมายราชการที่รับคำขอ รหัสผ่านเก็บในที่เก็บกุญแจ (keyring) ของเครื่องนี้ ไม่อยู่ในไฟล์หรือบันทึกการทำงาน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="280"/>
        <source>(not set: see Agency)</source>
        <translation>(ยังไม่ได้ตั้ง: ดูที่หน่วยงาน)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="282"/>
        <source>Replies and letters go out through this server, from the agency&apos;s official address: %1. The password is kept in the keyring.</source>
        <translation>การตอบกลับและหนังสือส่งออกผ่านเซิร์ฟเวอร์นี้ จากอีเมลราชการของหน่วยงาน: %1 รหัสผ่านเก็บในที่เก็บกุญแจ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="286"/>
        <source>Files put in this folder are taken in as requests.</source>
        <translation>ไฟล์ที่วางในโฟลเดอร์นี้จะถูกรับเข้าเป็นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="289"/>
        <source>The driver of the approver&apos;s USB token. Only the approver&apos;s station needs it; the test loads it and lists the tokens, without asking for a PIN.</source>
        <translation>ไดรเวอร์ของโทเคน USB ของผู้อนุมัติ ใช้เฉพาะเครื่องของผู้อนุมัติ การทดสอบจะโหลดไดรเวอร์และแสดงโทเคนที่พบ โดยไม่ถาม PIN</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="294"/>
        <source>Where the public register of licences is published. Each licence&apos;s QR code, and the address printed under it, lead there so anyone can check a licence.</source>
        <translation>ที่เผยแพร่ทะเบียนใบอนุญาตต่อสาธารณะ คิวอาร์โค้ดของใบอนุญาตแต่ละฉบับและที่อยู่ที่พิมพ์ไว้ใต้คิวอาร์โค้ดจะพาไปที่นั่น เพื่อให้ทุกคนตรวจสอบใบอนุญาตได้</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="299"/>
        <source>How many years a closed request is kept before it may be put on a destruction list for the head of the agency to order. Services whose legal period differs are listed in settings.toml (retention_by_service).</source>
        <translation>จำนวนปีที่เก็บคำขอที่ปิดแล้วไว้ ก่อนจะนำเข้าบัญชีขอทำลายให้หัวหน้าหน่วยงานสั่งการได้ งานบริการที่กฎหมายกำหนดระยะเวลาต่างออกไปให้ระบุไว้ใน settings.toml (retention_by_service)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="305"/>
        <source>A workstation left alone locks itself: the request on screen is hidden until the officer types their password again. Ctrl+L locks at once.</source>
        <translation>เครื่องที่ไม่มีผู้ใช้งานจะล็อกหน้าจอเอง คำขอบนหน้าจอจะถูกซ่อนจนกว่าเจ้าหน้าที่จะพิมพ์รหัสผ่านอีกครั้ง กด Ctrl+L เพื่อล็อกทันที</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="308"/>
        <source>Where copies of the store and the files go: another disk or a share.</source>
        <translation>ที่เก็บสำเนาของฐานข้อมูลและไฟล์: ดิสก์อีกลูก หรือโฟลเดอร์ที่ใช้ร่วมกัน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="312"/>
        <source>Takes effect at once: the next payment notice uses it.</source>
        <translation>มีผลทันที หนังสือแจ้งชำระฉบับถัดไปจะใช้ข้อมูลนี้</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="315"/>
        <source>Takes effect at once: deadlines computed from now on use the new hours. No restart needed.</source>
        <translation>มีผลทันที: กำหนดเวลาที่คำนวณจากนี้ไปใช้เวลาทำการใหม่ ไม่ต้องเปิดโปรแกรมใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="320"/>
        <source>Takes effect at the next sync round. No restart needed.</source>
        <translation>มีผลในการซิงค์รอบถัดไป ไม่ต้องเปิดโปรแกรมใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="322"/>
        <source>Takes effect the next time it is used. No restart needed.</source>
        <translation>มีผลในครั้งถัดไปที่ใช้ ไม่ต้องเปิดโปรแกรมใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="325"/>
        <source>Takes effect within 15 seconds, also in the windows already open; the time already left unused counts. No restart needed.</source>
        <translation>มีผลภายใน 15 วินาที รวมถึงหน้าต่างที่เปิดอยู่แล้ว โดยนับเวลาที่ไม่ได้ใช้งานไปแล้วด้วย ไม่ต้องเปิดโปรแกรมใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="401"/>
        <location filename="../../ui/admin/settings_page.py" line="440"/>
        <location filename="../../ui/admin/settings_page.py" line="466"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="413"/>
        <source>Keep this address for now</source>
        <translation>ใช้ที่อยู่นี้ไปก่อน</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="528"/>
        <source>Testing… (at most half a minute)</source>
        <translation>กำลังทดสอบ… (ไม่เกินครึ่งนาที)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_page.py" line="536"/>
        <source>The server&apos;s answer:</source>
        <translation>คำตอบของเซิร์ฟเวอร์:</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="129"/>
        <source>Everywhere</source>
        <translation>ใช้ได้ทุกหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="131"/>
        <source>Show or hide these keys</source>
        <translation>แสดงหรือซ่อนรายการปุ่มลัดนี้</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="132"/>
        <source>Next: take the oldest waiting request</source>
        <translation>ถัดไป: รับคำขอที่รอนานที่สุด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="133"/>
        <source>Search all requests</source>
        <translation>ค้นหาคำขอทั้งหมด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="134"/>
        <source>Choose a queue</source>
        <translation>เลือกคิวงาน</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="135"/>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="136"/>
        <source>Refresh</source>
        <translation>รีเฟรช</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="137"/>
        <source>Fetch new mail and files now</source>
        <translation>ซิงค์อีเมลและไฟล์ใหม่ทันที</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="138"/>
        <source>Lock the screen</source>
        <translation>ล็อกหน้าจอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="139"/>
        <source>Quit</source>
        <translation>ปิดโปรแกรม</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="143"/>
        <source>List</source>
        <translation>รายการคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="145"/>
        <source>Move through the requests</source>
        <translation>เลื่อนไปตามรายการคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="146"/>
        <source>Open the request for review</source>
        <translation>เปิดคำขอเพื่อตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="147"/>
        <source>Quick look at the details</source>
        <translation>ดูรายละเอียดโดยย่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="148"/>
        <source>Clear the search</source>
        <translation>ล้างการค้นหา</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="152"/>
        <source>Intake</source>
        <translation>งานรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="154"/>
        <source>Register a request brought to the counter</source>
        <translation>ลงทะเบียนคำขอที่ยื่นที่เคาน์เตอร์</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="155"/>
        <source>Files held back at intake</source>
        <translation>ไฟล์ที่กักไว้ตอนรับเรื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="156"/>
        <source>Mail that is not a request (bounces, auto-replies)</source>
        <translation>อีเมลที่ไม่ใช่คำขอ (อีเมลตีกลับ ตอบกลับอัตโนมัติ)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="157"/>
        <source>There: this mail is a request after all</source>
        <translation>ในหน้านั้น: อีเมลฉบับนี้เป็นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="161"/>
        <source>Checking documents</source>
        <translation>ตรวจเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="163"/>
        <source>Previous or next item of the checklist</source>
        <translation>รายการตรวจก่อนหน้าหรือถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="164"/>
        <source>Accept the item, linked to the page on screen</source>
        <translation>ถูกต้อง โดยอ้างอิงหน้าที่เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="165"/>
        <source>Reject the item (type the reason, Enter)</source>
        <translation>ไม่ถูกต้อง (พิมพ์เหตุผลแล้วกด Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="166"/>
        <source>Not applicable</source>
        <translation>ไม่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="167"/>
        <source>Next or previous page</source>
        <translation>หน้าถัดไปหรือก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="168"/>
        <source>Next document</source>
        <translation>เอกสารถัดไป</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="169"/>
        <source>Previous document</source>
        <translation>เอกสารก่อนหน้า</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="170"/>
        <source>Zoom in or out</source>
        <translation>ขยายหรือย่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="171"/>
        <source>Fit to width</source>
        <translation>พอดีความกว้าง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="172"/>
        <source>Turn the page a quarter</source>
        <translation>หมุนหน้า 90 องศา</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="173"/>
        <source>Documents, identity, application, history</source>
        <translation>แท็บเอกสาร ตัวตน ข้อมูลคำขอ ประวัติ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="177"/>
        <source>Deciding</source>
        <translation>การตัดสินใจ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="179"/>
        <source>Mark reviewed</source>
        <translation>ตรวจเสร็จ ส่งต่อ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="180"/>
        <source>Ask the applicant for documents</source>
        <translation>ขอเอกสารเพิ่มจากผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="181"/>
        <source>Certify a copy of the document on screen</source>
        <translation>รับรองสำเนาเอกสารที่เปิดอยู่</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="182"/>
        <source>Put the request back in the queue</source>
        <translation>คืนคำขอเข้าคิว</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="183"/>
        <source>Back to the list (or close the side panel)</source>
        <translation>กลับไปที่รายการ (หรือปิดแผงด้านข้าง)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="189"/>
        <source>Keyboard shortcuts</source>
        <translation>ปุ่มลัด</translation>
    </message>
    <message>
        <location filename="../../ui/shell/shortcut_sheet.py" line="190"/>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="170"/>
        <source>Anuyat — Sign in</source>
        <translation>อนุญาต — เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="171"/>
        <source>DEMO: fictional data only</source>
        <translation>ตัวอย่าง: ข้อมูลสมมุติเท่านั้น</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="175"/>
        <source>Demo profile: its key is kept in a file beside the data. Use it for fictional data only, never for real applications.</source>
        <translation>โปรไฟล์ตัวอย่าง: กุญแจเข้ารหัสเก็บไว้ในไฟล์ข้างข้อมูล ใช้กับข้อมูลสมมุติเท่านั้น ห้ามใช้กับคำขอจริง</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="179"/>
        <source>Anuyat · Permit workstation</source>
        <translation>อนุญาต · ระบบงานพิจารณาคำขออนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="180"/>
        <location filename="../../ui/shell/sign_in.py" line="346"/>
        <source>Opening the agency&apos;s records…</source>
        <translation>กำลังเปิดข้อมูลของหน่วยงาน…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="181"/>
        <source>&amp;User name</source>
        <translation>ชื่อผู้ใช้ (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="182"/>
        <source>&amp;Password</source>
        <translation>รหัสผ่าน (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="347"/>
        <source>Signing in…</source>
        <translation>กำลังเข้าสู่ระบบ…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="347"/>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="184"/>
        <source>Language:</source>
        <translation>ภาษา:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="311"/>
        <source>Station: {name} ({code})</source>
        <translation>จุดบริการ: {name} ({code})</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/approval/signing_dialog.py" line="113"/>
        <location filename="../../ui/approval/signing_dialog.py" line="131"/>
        <source>Approve and sign</source>
        <translation>อนุมัติและลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/approval/signing_dialog.py" line="115"/>
        <source>Approve and sign these {count} requests with one PIN?</source>
        <translation>อนุมัติและลงนามคำขอ {count} รายการนี้ด้วย PIN ครั้งเดียวใช่หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/approval/signing_dialog.py" line="124"/>
        <source>{number} — {service} (needs type {kind} or higher)</source>
        <translation>{number} — {service} (ต้องลงนามแบบที่ {kind} ขึ้นไป)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/signing_dialog.py" line="130"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/approval/signing_dialog.py" line="139"/>
        <source>A request in this batch needs a type {kind} signature or higher: sign with the USB token.</source>
        <translation>คำขอในชุดนี้ต้องลงลายมือชื่อแบบที่ {kind} ขึ้นไป ให้ลงนามด้วยโทเคน USB</translation>
    </message>
</context>
<context>
    <name>SigningForm</name>
    <message>
        <location filename="../../ui/common/signing_form.py" line="217"/>
        <source>signing</source>
        <translation>ใช้ลงนามได้</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="217"/>
        <source>not for signing</source>
        <translation>ไม่ใช่สำหรับลงนาม</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="220"/>
        <source>{subject} — {usage}, valid to {until}, issued by {issuer}</source>
        <translation>{subject} — {usage} ใช้ได้ถึง {until} ออกโดย {issuer}</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="236"/>
        <source>PKCS#12 file</source>
        <translation>ไฟล์ PKCS#12</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="236"/>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="282"/>
        <source>USB token (digital signature, type 2 or 3)</source>
        <translation>โทเคน USB (ลายมือชื่อดิจิทัล แบบที่ 2 หรือ 3)</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="283"/>
        <source>Confirm with my sign-in password (type 1 record)</source>
        <translation>ยืนยันด้วยรหัสผ่านที่ใช้เข้าสู่ระบบ (บันทึกแบบที่ 1)</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="284"/>
        <source>PKCS#12 file, where the agency allows it (type 2)</source>
        <translation>ไฟล์ PKCS#12 เมื่อหน่วยงานอนุญาต (แบบที่ 2)</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="285"/>
        <source>&amp;Token:</source>
        <translation>&amp;โทเคน:</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="286"/>
        <source>Show certificates</source>
        <translation>แสดงใบรับรอง</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="287"/>
        <source>Choose file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="293"/>
        <source>&amp;Your sign-in password</source>
        <translation>&amp;รหัสผ่านที่ใช้เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="295"/>
        <source>&amp;Password of the PKCS#12 file</source>
        <translation>&amp;รหัสผ่านของไฟล์ PKCS#12</translation>
    </message>
    <message>
        <location filename="../../ui/common/signing_form.py" line="297"/>
        <source>Token &amp;PIN (never stored)</source>
        <translation>&amp;PIN ของโทเคน (ไม่มีการบันทึกไว้)</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <location filename="../../ui/common/formatting.py" line="134"/>
        <source>Closed</source>
        <translation>ปิดเรื่องแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="135"/>
        <source>The application is closed; no deadline applies.</source>
        <translation>คำขอนี้ปิดเรื่องแล้ว ไม่มีกำหนดเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="137"/>
        <source>Paused</source>
        <translation>หยุดนับเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="138"/>
        <source>The clock is stopped while waiting for the applicant.</source>
        <translation>หยุดนับเวลาระหว่างรอเอกสารจากผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="142"/>
        <source>{days} business days left when the clock restarts.</source>
        <translation>เมื่อเริ่มนับเวลาต่อจะเหลือ {days} วันทำการ</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="146"/>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="97"/>
        <source>1 day late</source>
        <translation>เกิน 1 วัน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="98"/>
        <source>{days} days late</source>
        <translation>เกิน {days} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="147"/>
        <source>Past the deadline in the citizen manual.</source>
        <translation>เกินระยะเวลาที่กำหนดในคู่มือสำหรับประชาชน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="100"/>
        <source>1 day left</source>
        <translation>เหลือ 1 วัน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="92"/>
        <source>less than 1 day left</source>
        <translation>เหลือไม่ถึง 1 วัน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="101"/>
        <source>{days} days left</source>
        <translation>เหลือ {days} วัน</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="106"/>
        <source>Exactly {days} business days.</source>
        <translation>คิดเป็น {days} วันทำการพอดี</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="156"/>
        <source>Close to the deadline.</source>
        <translation>ใกล้ครบกำหนด</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="158"/>
        <source>Within the deadline.</source>
        <translation>อยู่ในกำหนดเวลา</translation>
    </message>
    <message>
        <location filename="../../ui/common/formatting.py" line="160"/>
        <source>Counted in business days.</source>
        <translation>นับเฉพาะวันทำการ</translation>
    </message>
</context>
<context>
    <name>SlipImage</name>
    <message>
        <location filename="../../ui/fees/slip_image.py" line="92"/>
        <source>Opening the slip…</source>
        <translation>กำลังเปิดสลิป…</translation>
    </message>
    <message>
        <location filename="../../ui/fees/slip_image.py" line="102"/>
        <source>The slip could not be read. Press Refresh to try again; if it stays, tell the administrator.</source>
        <translation>อ่านไฟล์สลิปไม่ได้ กดรีเฟรชเพื่อลองอีกครั้ง หากยังไม่ได้ โปรดแจ้งผู้ดูแลระบบ</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="38"/>
        <source>Choose a request from the list, or press “Take next”.</source>
        <translation>เลือกคำขอจากรายการ หรือกด “รับรายการถัดไป”</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="46"/>
        <source>accepted</source>
        <translation>ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="48"/>
        <source>rejected</source>
        <translation>ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="50"/>
        <source>not applicable</source>
        <translation>ไม่ต้องใช้</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="51"/>
        <source>not checked</source>
        <translation>ยังไม่ได้ตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="55"/>
        <source>type 1 (approval record and stamp)</source>
        <translation>แบบที่ 1 (บันทึกการอนุมัติพร้อมตราชื่อ)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="57"/>
        <source>type 2 (digital signature with the approver&apos;s own key)</source>
        <translation>แบบที่ 2 (ลายมือชื่อดิจิทัลด้วยกุญแจของผู้อนุมัติ)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="58"/>
        <source>type 3 (CA-issued certificate on a token)</source>
        <translation>แบบที่ 3 (ใบรับรองจากผู้ให้บริการออกใบรับรองบนโทเคน)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="70"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="71"/>
        <source>Received (deemed)</source>
        <translation>วันที่ถือว่ารับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="73"/>
        <source>Reviewed by</source>
        <translation>ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="73"/>
        <source>Reviewer’s note</source>
        <translation>บันทึกของผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="84"/>
        <source>Sent back earlier by {name}</source>
        <translation>เคยส่งกลับโดย {name}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="88"/>
        <source>Fee</source>
        <translation>ค่าธรรมเนียม</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="88"/>
        <source>Approval criteria</source>
        <translation>หลักเกณฑ์การพิจารณา</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="89"/>
        <source>Signature</source>
        <translation>ลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="95"/>
        <source>This service needs at least a {kind} signature.</source>
        <translation>บริการนี้ต้องลงนามอย่างน้อย{kind}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="104"/>
        <source>Documents checked</source>
        <translation>ผลการตรวจเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="114"/>
        <source>p. {page}</source>
        <translation>หน้า {page}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="130"/>
        <source>Identity and power-of-attorney checks</source>
        <translation>การตรวจสอบตัวตนและการมอบอำนาจ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="144"/>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="144"/>
        <source>Refused</source>
        <translation>ไม่อนุมัติ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/summary_view.py" line="150"/>
        <source>Decision</source>
        <translation>ผลการพิจารณา</translation>
    </message>
</context>
<context>
    <name>SyncDetails</name>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="228"/>
        <source>Mailbox, shared drive and outgoing mail</source>
        <translation>กล่องอีเมล โฟลเดอร์ส่วนกลาง และอีเมลขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="229"/>
        <source>Close (Esc)</source>
        <translation>ปิด (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="242"/>
        <source>Nothing has been synced on this profile yet. Press F9 to sync now.</source>
        <translation>ยังไม่เคยซิงค์ข้อมูลในโปรไฟล์นี้ กด F9 เพื่อซิงค์ทันที</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="258"/>
        <source>last synced {time}</source>
        <translation>ซิงค์ล่าสุด {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="263"/>
        <source>never synced successfully</source>
        <translation>ยังไม่เคยซิงค์สำเร็จ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="265"/>
        <source>{n} waiting</source>
        <translation>รอ {n} รายการ</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="89"/>
        <source>Mailbox {name}</source>
        <translation>กล่องอีเมล {name}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="91"/>
        <source>Shared drive</source>
        <translation>โฟลเดอร์ส่วนกลาง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="92"/>
        <source>Outgoing mail</source>
        <translation>อีเมลขาออก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="99"/>
        <source>Up to date</source>
        <translation>เป็นปัจจุบัน</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="100"/>
        <location filename="../../ui/intake/sync_indicator.py" line="565"/>
        <source>Syncing…</source>
        <translation>กำลังซิงค์…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="101"/>
        <location filename="../../ui/intake/sync_indicator.py" line="571"/>
        <source>Offline</source>
        <translation>ออฟไลน์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="102"/>
        <source>Problem</source>
        <translation>มีปัญหา</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="103"/>
        <location filename="../../ui/intake/sync_indicator.py" line="569"/>
        <source>Not synced yet</source>
        <translation>ยังไม่ได้ซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="112"/>
        <source>{n} new</source>
        <translation>คำขอใหม่ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="115"/>
        <source>{n} added to requests</source>
        <translation>เพิ่มในคำขอเดิม {n}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="121"/>
        <source>{n} held</source>
        <translation>กักไว้ {n}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="124"/>
        <source>{n} sent</source>
        <translation>ส่งแล้ว {n}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="132"/>
        <source>nothing new</source>
        <translation>ไม่มีรายการใหม่</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="551"/>
        <source>Sync now</source>
        <translation>ซิงค์ทันที</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="553"/>
        <source>Fetch new mail and shared-drive files, and send waiting mail (F9)</source>
        <translation>รับอีเมลและไฟล์ใหม่จากโฟลเดอร์ส่วนกลาง และส่งอีเมลที่รออยู่ (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="567"/>
        <source>Synced {time}</source>
        <translation>ซิงค์แล้วเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="567"/>
        <source>Synced</source>
        <translation>ซิงค์แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="571"/>
        <source>Sync problem</source>
        <translation>ซิงค์มีปัญหา</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="574"/>
        <source>last synced {time}</source>
        <translation>ซิงค์ล่าสุด {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="582"/>
        <source>Last sync: {summary}</source>
        <translation>ซิงค์ครั้งล่าสุด: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="587"/>
        <source>Sync state: {text}</source>
        <translation>สถานะการซิงค์: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="595"/>
        <source>Sync running…</source>
        <translation>กำลังซิงค์…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="599"/>
        <source>Next sync in {seconds} s</source>
        <translation>ซิงค์ครั้งถัดไปใน {seconds} วินาที</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="601"/>
        <source>No sync planned</source>
        <translation>ยังไม่ได้ตั้งเวลาซิงค์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="604"/>
        <source>last run at {time}</source>
        <translation>ซิงค์ล่าสุดเมื่อ {time} น.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="621"/>
        <source>Click for details</source>
        <translation>คลิกเพื่อดูรายละเอียด</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="632"/>
        <location filename="../../ui/intake/sync_indicator.py" line="639"/>
        <source>Anuyat</source>
        <translation>อนุญาต</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="635"/>
        <source>1 new request arrived</source>
        <translation>มีคำขอใหม่ 1 รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="637"/>
        <source>{n} new requests arrived</source>
        <translation>มีคำขอใหม่ {n} รายการ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/sync_indicator.py" line="127"/>
        <source>{n} not requests</source>
        <translation>ไม่ใช่คำขอ {n} ฉบับ</translation>
    </message>
</context>
<context>
    <name>TimestampsButton</name>
    <message>
        <location filename="../../ui/approval/timestamps_button.py" line="95"/>
        <source>Add timestamps ({count})</source>
        <translation>เพิ่มตราประทับเวลา ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/approval/timestamps_button.py" line="98"/>
        <source>Records signed while the time-stamping authority could not be reached; add their time-stamps now that the network is back.</source>
        <translation>บันทึกที่ลงนามขณะติดต่อผู้ให้บริการตราประทับเวลาไม่ได้ เพิ่มตราประทับเวลาได้เมื่อเครือข่ายกลับมาใช้ได้</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/review/checklist.py" line="47"/>
        <source>Accepted</source>
        <translation>ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="48"/>
        <source>Rejected</source>
        <translation>ไม่ถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="49"/>
        <source>Not applicable</source>
        <translation>ไม่เกี่ยวข้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/checklist.py" line="51"/>
        <source>Not checked yet</source>
        <translation>ยังไม่ได้ตรวจ</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="119"/>
        <source>Choose a signed PDF</source>
        <translation>เลือกไฟล์ PDF ที่ลงนามแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="119"/>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="134"/>
        <source>No digital signature in this file</source>
        <translation>ไฟล์นี้ไม่มีลายมือชื่อดิจิทัล</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="136"/>
        <source>Signature valid, intact and trusted</source>
        <translation>ลายมือชื่อถูกต้อง เอกสารไม่ถูกแก้ไข และเชื่อถือได้</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="138"/>
        <source>Signature NOT valid, changed, or not trusted</source>
        <translation>ลายมือชื่อไม่ถูกต้อง เอกสารถูกแก้ไข หรือเชื่อถือไม่ได้</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="143"/>
        <source>Verify a signature</source>
        <translation>ตรวจลายมือชื่อ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="145"/>
        <source>Signature of: {subject}</source>
        <translation>ลายมือชื่อของ: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="147"/>
        <source>Check the signatures of a signed PDF (offline, agency&apos;s trust roots)</source>
        <translation>ตรวจลายมือชื่อในไฟล์ PDF ที่ลงนามแล้ว (ไม่ต้องต่อเครือข่าย ตามใบรับรองหลักของหน่วยงาน)</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="149"/>
        <source>&amp;File:</source>
        <translation>ไฟล์ (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="150"/>
        <source>Path of a signed PDF</source>
        <translation>ที่อยู่ของไฟล์ PDF ที่ลงนามแล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="151"/>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="152"/>
        <source>Check</source>
        <translation>ตรวจ</translation>
    </message>
    <message>
        <location filename="../../ui/approval/verify_dialog.py" line="153"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="208"/>
        <source>Previous document (Ctrl+PgUp, Alt+←)</source>
        <translation>เอกสารก่อนหน้า (Ctrl+PgUp, Alt+←)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="209"/>
        <source>Next document (Ctrl+PgDown, Alt+→)</source>
        <translation>เอกสารถัดไป (Ctrl+PgDown, Alt+→)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="210"/>
        <source>Previous page (PgUp)</source>
        <translation>หน้าก่อนหน้า (PgUp)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="211"/>
        <source>Next page (PgDown)</source>
        <translation>หน้าถัดไป (PgDown)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="212"/>
        <source>Zoom out (Ctrl+−)</source>
        <translation>ย่อ (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="213"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>ขยาย (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="214"/>
        <source>Fit to width (Ctrl+0)</source>
        <translation>พอดีความกว้าง (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="215"/>
        <source>Turn a quarter clockwise (Ctrl+R)</source>
        <translation>หมุนตามเข็มนาฬิกา 90 องศา (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="216"/>
        <source>Open with the system viewer</source>
        <translation>เปิดด้วยโปรแกรมของเครื่อง</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="217"/>
        <source>Documents of this request</source>
        <translation>เอกสารของคำขอนี้</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/toolbar.py" line="218"/>
        <source>More tools</source>
        <translation>เครื่องมืออื่น</translation>
    </message>
</context>
<context>
    <name>WaitingTable</name>
    <message>
        <location filename="../../ui/issuing/tables.py" line="70"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="70"/>
        <source>Service</source>
        <translation>บริการ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="70"/>
        <source>Applicant</source>
        <translation>ผู้ยื่นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/issuing/tables.py" line="70"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
</context>
<context>
    <name>WithdrawCopyDialog</name>
    <message>
        <location filename="../../ui/review/certify.py" line="174"/>
        <source>Write why; it is kept in the request&apos;s history.</source>
        <translation>โปรดระบุเหตุผล (บันทึกไว้ในประวัติของคำขอ)</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="180"/>
        <source>Withdraw certified copy</source>
        <translation>ถอนสำเนาถูกต้อง</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="182"/>
        <source>Withdraw the certified copy “{name}”?</source>
        <translation>ถอนสำเนาถูกต้อง “{name}” หรือไม่</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="186"/>
        <source>Use this for a copy made by mistake. The copy stays in the record, struck through and marked withdrawn, and is no longer used as the certified copy. The original is not affected; a new copy can be made from it.</source>
        <translation>ใช้เมื่อทำสำเนาผิดพลาด สำเนายังคงเก็บไว้ในสำนวน แสดงขีดฆ่าและระบุว่าถอนแล้ว และจะไม่ใช้เป็นสำเนาถูกต้องอีก ต้นฉบับไม่ได้รับผลกระทบ และทำสำเนาใหม่จากต้นฉบับได้</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="191"/>
        <source>&amp;Why is it withdrawn? (kept in the history)</source>
        <translation>เหตุที่ถอนสำเนา (บันทึกไว้ในประวัติ) (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="192"/>
        <source>For example: made from the wrong document</source>
        <translation>เช่น ทำสำเนาจากเอกสารผิดฉบับ</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="193"/>
        <source>Withdraw copy</source>
        <translation>ถอนสำเนา</translation>
    </message>
    <message>
        <location filename="../../ui/review/certify.py" line="194"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="196"/>
        <location filename="../../ui/common/request_dialogs.py" line="206"/>
        <source>Withdraw request</source>
        <translation>ถอนคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="199"/>
        <source>Close request {number} as withdrawn by the applicant? This cannot be undone; the applicant is sent a confirmation.</source>
        <translation>ปิดคำขอเลขที่ {number} เป็น “ผู้ยื่นถอนคำขอ” หรือไม่ ย้อนกลับไม่ได้ และระบบจะส่งหนังสือยืนยันให้ผู้ยื่น</translation>
    </message>
    <message>
        <location filename="../../ui/common/request_dialogs.py" line="204"/>
        <source>&amp;How did the applicant ask to withdraw? (kept in the history, not sent)</source>
        <translation>ผู้ยื่นแจ้งขอถอนคำขออย่างไร (บันทึกไว้ในประวัติ ไม่ส่งถึงผู้ยื่น) (&amp;H)</translation>
    </message>
</context>
<context>
    <name>WorklistControls</name>
    <message>
        <location filename="../../ui/worklist/controls.py" line="206"/>
        <source>Nothing found for “{text}”. Check the spelling, or search by tracking number.</source>
        <translation>ไม่พบ “{text}” ตรวจตัวสะกด หรือค้นหาด้วยเลขที่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="212"/>
        <source>No requests match these filters.
Change them above, or press “Clear filters” to see the whole queue.</source>
        <translation>ไม่มีคำขอที่ตรงกับตัวกรองนี้
เปลี่ยนตัวกรองด้านบน หรือกด “ล้างตัวกรอง” เพื่อดูทั้งคิว</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="217"/>
        <source>No requests in this queue.</source>
        <translation>ไม่มีคำขอในคิวนี้</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="336"/>
        <source>{count} request(s) assigned to {who}.</source>
        <translation>มอบหมายคำขอ {count} รายการให้ {who} แล้ว</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="387"/>
        <source>Assign…</source>
        <translation>มอบหมาย…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="388"/>
        <source>Assign the selected requests (Ctrl+Shift+A)</source>
        <translation>มอบหมายคำขอที่เลือก (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="389"/>
        <source>Notes…</source>
        <translation>ความเห็น…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/controls.py" line="390"/>
        <source>Internal notes on this request (Ctrl+Shift+N)</source>
        <translation>ความเห็นเจ้าหน้าที่ในคำขอนี้ (Ctrl+Shift+N)</translation>
    </message>
</context>
<context>
    <name>_Composer</name>
    <message>
        <location filename="../../ui/review/composer.py" line="125"/>
        <source>Cancel (Esc)</source>
        <translation>ยกเลิก (Esc)</translation>
    </message>
</context>
<context>
    <name>_DecisionPanel</name>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="202"/>
        <source>Write a short reason; it is kept in the audit log.</source>
        <translation>โปรดระบุเหตุผลสั้น ๆ (บันทึกไว้ในประวัติการตรวจสอบ)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="220"/>
        <source>Choose a file in the list to see why it was held, then release it (it becomes a document of its request) or discard it.</source>
        <translation>เลือกไฟล์ในรายการเพื่อดูเหตุที่กักไว้ แล้วเลือกรับไฟล์เป็นเอกสารของคำขอ หรือไม่รับไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="224"/>
        <source>Release…</source>
        <translation>รับเป็นเอกสาร…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="225"/>
        <source>Accept the file as a document of its request</source>
        <translation>รับไฟล์นี้เป็นเอกสารของคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="226"/>
        <source>Discard…</source>
        <translation>ไม่รับไฟล์…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="227"/>
        <source>Do not keep the file with the request</source>
        <translation>ไม่นำไฟล์นี้เข้าคำขอ (ระบบเก็บไว้เป็นหลักฐานเท่านั้น)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="228"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="229"/>
        <source>Reason (required)</source>
        <translation>เหตุผล (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="235"/>
        <source>Why discard this file?</source>
        <translation>เหตุใดจึงไม่รับไฟล์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="236"/>
        <source>Discard file</source>
        <translation>ไม่รับไฟล์นี้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="238"/>
        <source>Why release this file?</source>
        <translation>เหตุใดจึงรับไฟล์นี้เป็นเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="239"/>
        <source>Release file</source>
        <translation>รับเป็นเอกสาร</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="244"/>
        <source>Why it was held</source>
        <translation>เหตุที่กักไว้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="245"/>
        <source>In the other language</source>
        <translation>ภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="246"/>
        <source>Request</source>
        <translation>คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="246"/>
        <source>Not linked to a request</source>
        <translation>ยังไม่ผูกกับคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="247"/>
        <source>Channel</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="248"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="250"/>
        <source>Size and type</source>
        <translation>ขนาดและชนิดไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/intake/quarantine_view.py" line="249"/>
        <source>Held by the sync of</source>
        <translation>กักไว้ในรอบซิงก์เมื่อ</translation>
    </message>
</context>
<context>
    <name>_PathField</name>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="222"/>
        <source>Choose a file</source>
        <translation>เลือกไฟล์</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_forms.py" line="224"/>
        <source>Choose a folder</source>
        <translation>เลือกโฟลเดอร์</translation>
    </message>
</context>
<context>
    <name>_TakePanel</name>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="131"/>
        <source>Choose a mail in the list to see why it was set aside.</source>
        <translation>เลือกอีเมลในรายการเพื่อดูเหตุที่คัดแยกไว้</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="132"/>
        <source>This is a request after all</source>
        <translation>ฉบับนี้เป็นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="135"/>
        <source>It becomes a request in the normal intake flow and the sender is sent the acknowledgement ({key})</source>
        <translation>รับเป็นคำขอตามขั้นตอนรับเรื่องปกติ และส่งหนังสือตอบรับถึงผู้ส่ง ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="140"/>
        <source>Only an intake officer decides that a mail here is a request.</source>
        <translation>เฉพาะเจ้าหน้าที่รับเรื่องเท่านั้นที่ตัดสินว่าอีเมลในรายการนี้เป็นคำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="146"/>
        <source>(no subject)</source>
        <translation>(ไม่มีหัวเรื่อง)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="147"/>
        <source>Why it is not a request</source>
        <translation>เหตุที่ไม่ใช่คำขอ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="148"/>
        <source>In the other language</source>
        <translation>ภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="149"/>
        <source>Sender</source>
        <translation>ผู้ส่ง</translation>
    </message>
    <message>
        <location filename="../../ui/intake/not_requests_view.py" line="150"/>
        <source>Received</source>
        <translation>ได้รับเมื่อ</translation>
    </message>
</context>
</TS>
