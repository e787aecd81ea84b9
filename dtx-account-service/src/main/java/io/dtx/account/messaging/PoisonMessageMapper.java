package io.dtx.account.messaging;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;

interface PoisonMessageMapper extends BaseMapper<PoisonMessage> {

    /** Once per message: a redelivered poison message is not recorded twice. */
    @Insert("""
            INSERT IGNORE INTO poison_message (tx_no, msg_id, reason, body)
            VALUES (#{txNo}, #{msgId}, #{reason}, #{body})""")
    int record(
            @Param("txNo") String txNo,
            @Param("msgId") String msgId,
            @Param("reason") String reason,
            @Param("body") String body);
}
